// The cursor of list-pages.ts over a real (in-memory) embedded store: pages join with no overlap or gap, and the
// guarantee its comment states holds when many items leave or join the list before the cursor between two pages.
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { nextCursorOf, readPage, type Order } from '../../cloudfunctions/api/src/list-pages';
import type { DocumentOf } from '@/core/schemas/documents';

type Row = { _id: string; version: number; listed: boolean; at: number };
const order: Order = { field: 'at', direction: 'asc' };
let store: EmbeddedStore;

beforeEach(async () => {
  store = new EmbeddedStore(null, { fsync: false });
});
afterEach(async () => {
  await store.close();
});

const id = (index: number) => `row-${String(index).padStart(3, '0')}`;

async function put(rows: Row[]) {
  await store.transaction(async (tx) => {
    for (const row of rows) await tx.create('notifications', row as unknown as DocumentOf<'notifications'>);
  });
}

async function setListed(indexes: number[], listed: boolean) {
  await store.transaction(async (tx) => {
    for (const index of indexes) {
      const row = (await tx.get('notifications', id(index))) as unknown as Row;
      await tx.replace(
        'notifications',
        { ...row, listed, version: row.version + 1 } as unknown as DocumentOf<'notifications'>,
        row.version,
      );
    }
  });
}

async function page(cursor: string | null, limit: number) {
  const read = await readPage(store, 'notifications', { listed: true }, order, cursor, limit);
  return { ids: read.items.map((item) => item._id), cursor: nextCursorOf(read, order) };
}

async function walk(cursor: string | null, limit: number, between?: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let next = cursor;
  let first = true;
  do {
    const got = await page(next, limit);
    seen.push(...got.ids);
    next = got.cursor;
    if (first && between) await between();
    first = false;
  } while (next);
  return seen;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

test('pages of a list join with no overlap or gap, and the last has no cursor', async () => {
  await put(range(0, 23).map((index) => ({ _id: id(index), version: 1, listed: true, at: index })));
  expect(await walk(null, 5)).toEqual(range(0, 23).map(id));
  expect((await page(null, 23)).cursor).toBeNull();
});

test('when more than a page of items already seen leave the list, the next page still starts after the last seen', async () => {
  await put(range(0, 40).map((index) => ({ _id: id(index), version: 1, listed: true, at: index })));
  // After the first page (items 0–9), all ten of them and two not yet seen (15, 16) leave the list.
  const seen = await walk(null, 10, () => setListed([...range(0, 10), 15, 16], false));
  expect(seen).toEqual([...range(0, 10), ...range(10, 15), ...range(17, 40)].map(id));
});

test('when many items join the list before the cursor, none already answered comes again', async () => {
  await put(range(0, 30).map((index) => ({ _id: id(index), version: 1, listed: index >= 20, at: index })));
  // The list is items 20–29; after its first page (20–24), items 0–19 join it, all before the cursor.
  const seen = await walk(null, 5, () => setListed(range(0, 20), true));
  expect(seen).toEqual(range(20, 30).map(id));
});

test('a cursor that was not given by the server is refused', async () => {
  await expect(readPage(store, 'notifications', {}, order, 'bm90IGEgY3Vyc29y', 5)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
});
