// The embedded store's journal: a transaction's writes land together even when the process dies between
// writing them down and applying them, and a line torn by the crash (never acknowledged) is ignored.
import Datastore from '@seald-io/nedb';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore, JOURNAL_FILE } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { organizationProfileSchema, type Organization } from '@/core/schemas/documents';

let dir: string;
const opened: EmbeddedStore[] = [];

function openStore(): EmbeddedStore {
  const store = new EmbeddedStore(dir);
  opened.push(store);
  return store;
}

function org(id: string, overrides: Partial<Organization> = {}): Organization {
  return {
    _id: id,
    version: 1,
    createdAt: '2023-07-03T01:00:00.000Z',
    updatedAt: '2023-07-03T01:00:00.000Z',
    active: true,
    name: `单位${id}`,
    kind: 'branch',
    societyId: 'society',
    profile: organizationProfileSchema.parse({}),
    ...overrides,
  };
}

const line = (writes: { collection: string; doc: object }[]) => `${JSON.stringify({ writes })}\n`;
const journalText = () => readFileSync(path.join(dir, JOURNAL_FILE), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-journal-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('committed transactions are in the journal until close, which flushes the collection files and empties it', async () => {
  const store = openStore();
  await store.transaction(async (tx) => {
    await tx.create('organizations', org('a'));
    await tx.create('organizations', org('b'));
  });
  await store.transaction((tx) => tx.replace('organizations', org('a', { name: '改名', version: 2 }), 1));
  expect(journalText().trim().split('\n')).toHaveLength(2);
  await store.close();
  expect(journalText()).toBe('');
  expect(await openStore().find('organizations', {}, { orderBy: { field: '_id', direction: 'asc' } })).toEqual([
    org('a', { name: '改名', version: 2 }),
    org('b'),
  ]);
});

test('a store killed without closing is whole when opened again: its journal is replayed in order', async () => {
  const killed = openStore();
  await killed.transaction((tx) => tx.create('organizations', org('a')));
  for (let version = 2; version <= 5; version += 1) {
    await killed.transaction((tx) => tx.replace('organizations', org('a', { name: `第${version}版`, version }), version - 1));
  }
  opened.splice(opened.indexOf(killed), 1); // never closed, like a process killed with SIGKILL
  const store = openStore();
  expect(await store.find('organizations', {})).toEqual([org('a', { name: '第5版', version: 5 })]);
  expect(journalText()).toBe('');
});

test('a journal line found at open (killed before applying it) is applied before the first read', async () => {
  writeFileSync(
    path.join(dir, JOURNAL_FILE),
    line([
      { collection: 'organizations', doc: org('a') },
      { collection: 'audit', doc: { _id: 'audit-a', entity: 'program', entityId: 'a', entityVersion: 1 } },
    ]),
  );
  const store = openStore();
  expect(await store.get('organizations', 'a')).toEqual(org('a'));
  expect(await store.get('audit', 'audit-a')).toMatchObject({ entityId: 'a' });
  expect(journalText()).toBe('');
});

test('replaying a line already applied (killed before dropping it) changes nothing and duplicates nothing', async () => {
  const first = openStore();
  await first.transaction((tx) => tx.create('organizations', org('a')));
  await first.transaction((tx) => tx.replace('organizations', org('a', { name: '改名', version: 2 }), 1));
  await first.close();
  writeFileSync(
    path.join(dir, JOURNAL_FILE),
    line([{ collection: 'organizations', doc: org('a') }]) +
      line([{ collection: 'organizations', doc: org('a', { name: '改名', version: 2 }) }]),
  );
  const store = openStore();
  expect(await store.find('organizations', {})).toEqual([org('a', { name: '改名', version: 2 })]);
});

test('a torn last line was never acknowledged: it is ignored, the complete lines before it are applied', async () => {
  const complete = line([{ collection: 'organizations', doc: org('a') }]);
  const torn = line([{ collection: 'organizations', doc: org('b') }]).slice(0, 40);
  writeFileSync(path.join(dir, JOURNAL_FILE), complete + torn);
  const store = openStore();
  expect((await store.find('organizations', {})).map((doc) => doc._id)).toEqual(['a']);
  expect(journalText()).toBe('');
  await store.transaction((tx) => tx.create('organizations', org('c')));
  expect((await openStore().find('organizations', {})).map((doc) => doc._id).sort()).toEqual(['a', 'c']);
});

test('a transaction whose apply fails half-way lands whole on the next open, and the broken store refuses work', async () => {
  const store = openStore();
  const apply = Datastore.prototype.updateAsync;
  let calls = 0;
  jest.spyOn(Datastore.prototype, 'updateAsync').mockImplementation(function (this: Datastore, ...args) {
    calls += 1;
    if (calls === 2) return Promise.reject(new Error('disk gone'));
    return apply.apply(this, args);
  });
  await expect(
    store.transaction(async (tx) => {
      await tx.create('organizations', org('a'));
      await tx.create('audit', { _id: 'audit-a' } as never);
    }),
  ).rejects.toThrow('disk gone');
  jest.restoreAllMocks();
  await expect(store.get('organizations', 'a')).rejects.toThrow('disk gone');
  const reopened = openStore();
  expect(await reopened.get('organizations', 'a')).toEqual(org('a'));
  expect(await reopened.get('audit', 'audit-a')).toEqual({ _id: 'audit-a' });
});

test('a complete line that is not a transaction stops the store from opening instead of being dropped', async () => {
  writeFileSync(path.join(dir, JOURNAL_FILE), 'not json\n');
  await expect(openStore().get('organizations', 'a')).rejects.toThrow();
});
