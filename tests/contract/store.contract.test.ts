// One contract for the Store port, run against every adapter we ship: always the embedded one and the
// CloudBase adapter on an in-memory stand-in of @cloudbase/database, and real CloudBase when credentials
// are present in the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { CloudbaseStore } from '../../cloudfunctions/api/src/adapters/cloudbase-store';
import { addTo, StoreConflict, StoreTooMany, type Addition, type Store } from '../../cloudfunctions/api/src/ports';
import { fakeCloudbaseDatabase, roundTripCounter } from '../support/fake-cloudbase';
import { organizationProfileSchema, type IndicatorTally, type Organization } from '@/core/schemas/documents';

interface Adapter {
  name: string;
  /** How many documents one read answers at most (the paging cases store more than two reads' worth). */
  pageCap: number;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const embedded: Adapter = {
  name: 'embedded (NeDB, file-backed)',
  pageCap: 20,
  async open() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-contract-'));
    const store = new EmbeddedStore(dir);
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const cloudbaseFake: Adapter = {
  name: 'CloudBase adapter on an in-memory @cloudbase/database stand-in',
  pageCap: 1000,
  async open() {
    return { store: new CloudbaseStore(fakeCloudbaseDatabase()), dispose: async () => undefined };
  },
};

// The same stand-in answering 5 documents a read and refusing `in` lists longer than 4: every large-read
// path (paging, lists split into parts and merged) runs on a handful of documents.
const cloudbaseFakeSmall: Adapter = {
  name: 'CloudBase adapter on the stand-in with a 5-document page and 4-value in lists',
  pageCap: 5,
  async open() {
    const db = fakeCloudbaseDatabase({ pageCap: 5, inCap: 4 });
    return { store: new CloudbaseStore(db, { pageSize: 5, inChunk: 4 }), dispose: async () => undefined };
  },
};

const cloudbaseEnv = process.env.TCB_ENV_ID;
const cloudbaseReady = Boolean(cloudbaseEnv && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY);
const cloudbase: Adapter = {
  name: `CloudBase (${cloudbaseEnv ?? 'no env'})`,
  pageCap: 1000,
  async open() {
    const tcb = (await import('@cloudbase/node-sdk')).default;
    const app = tcb.init({ env: cloudbaseEnv, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY });
    return { store: new CloudbaseStore(app.database()), dispose: async () => undefined };
  },
};

if (!cloudbaseReady) {
  console.log(
    'Store contract: CloudBase half skipped — set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a real environment.',
  );
}

// Unique ids per run, so the suite can run against a shared CloudBase environment without clean-up races.
const run = `c${Date.now().toString(36)}`;
let sequence = 0;
function org(overrides: Partial<Organization> = {}): Organization {
  sequence += 1;
  return {
    _id: `${run}-${sequence}`,
    version: 1,
    createdAt: '2023-07-03T01:00:00.000Z',
    updatedAt: '2023-07-03T01:00:00.000Z',
    active: true,
    name: `单位${sequence}`,
    kind: 'branch',
    societyId: `${run}-society`,
    profile: organizationProfileSchema.parse({}),
    ...overrides,
  };
}

/** A programme's running totals as they start: an empty figure for 论文 (papers). */
function tally(): IndicatorTally {
  sequence += 1;
  const empty = { committed: 0, claimed: 0, pending: 0, verified: 0, evidence: 0, value: null, valueOn: null };
  return {
    _id: `${run}-tally-${sequence}`,
    version: 0,
    createdAt: '2023-07-03T01:00:00.000Z',
    updatedAt: '2023-07-03T01:00:00.000Z',
    programId: `${run}-program`,
    applicationId: null,
    orgId: null,
    counts: false,
    figures: { papers: empty },
  };
}

/** `claimed` papers more, the version counted up, stamped at `at`. */
const claimed = (count: number, at = '2023-07-04T01:00:00.000Z'): Addition => ({
  inc: { version: 1, 'figures.papers.claimed': count, 'figures.papers.pending': count },
  set: { updatedAt: at },
});

const adapters = [embedded, cloudbaseFake, cloudbaseFakeSmall, ...(cloudbaseReady ? [cloudbase] : [])];
for (const adapter of adapters) {
  describe(`Store contract: ${adapter.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await adapter.open());
    });
    afterEach(async () => {
      await dispose();
    });

    test('get of a missing document is null; a created one reads back equal', async () => {
      expect(await store.get('organizations', `${run}-missing`)).toBeNull();
      const doc = org();
      await store.transaction((tx) => tx.create('organizations', doc));
      expect(await store.get('organizations', doc._id)).toEqual(doc);
    });

    test('create refuses an id that exists', async () => {
      const doc = org();
      await store.transaction((tx) => tx.create('organizations', doc));
      await expect(store.transaction((tx) => tx.create('organizations', { ...doc, name: '另一个' }))).rejects.toBeInstanceOf(StoreConflict);
      expect((await store.get('organizations', doc._id))?.name).toBe(doc.name);
    });

    test('replace succeeds on the expected version and refuses a stale one', async () => {
      const doc = org();
      await store.transaction((tx) => tx.create('organizations', doc));
      await store.transaction((tx) => tx.replace('organizations', { ...doc, name: '改名', version: 2 }, 1));
      await expect(store.transaction((tx) => tx.replace('organizations', { ...doc, name: '过期', version: 2 }, 1))).rejects.toBeInstanceOf(
        StoreConflict,
      );
      expect(await store.get('organizations', doc._id)).toMatchObject({ name: '改名', version: 2 });
    });

    test('a transaction that throws writes nothing', async () => {
      const first = org();
      const second = org();
      await expect(
        store.transaction(async (tx) => {
          await tx.create('organizations', first);
          await tx.create('organizations', second);
          throw new Error('rule broken after two writes');
        }),
      ).rejects.toThrow('rule broken');
      expect(await store.get('organizations', first._id)).toBeNull();
      expect(await store.get('organizations', second._id)).toBeNull();
    });

    test('a transaction reads its own writes', async () => {
      const doc = org();
      const seen = await store.transaction(async (tx) => {
        await tx.create('organizations', doc);
        await tx.replace('organizations', { ...doc, version: 2, name: '同一事务内' }, 1);
        return tx.get('organizations', doc._id);
      });
      expect(seen?.name).toBe('同一事务内');
      expect((await store.get('organizations', doc._id))?.version).toBe(2);
    });

    test('find filters by equality, orders and limits', async () => {
      const societyId = `${run}-find-${sequence}`;
      const docs = [org({ societyId, name: 'B' }), org({ societyId, name: 'A' }), org({ societyId, name: 'C', kind: 'memberUnit' })];
      await store.transaction(async (tx) => {
        for (const doc of docs) await tx.create('organizations', doc);
      });
      const branches = await store.find('organizations', { societyId, kind: 'branch' }, { orderBy: { field: 'name', direction: 'asc' } });
      expect(branches.map((doc) => doc.name)).toEqual(['A', 'B']);
      const top = await store.find('organizations', { societyId }, { orderBy: { field: 'name', direction: 'desc' }, limit: 1 });
      expect(top.map((doc) => doc.name)).toEqual(['C']);
    });

    test('skip pages through an ordered find, ties included, without overlap or gaps', async () => {
      const societyId = `${run}-pages-${sequence}`;
      // Seven documents, five sharing one name: only the _id tie-break keeps the pages apart.
      const docs = ['甲', '乙', '乙', '乙', '乙', '乙', '丙'].map((name) => org({ societyId, name }));
      await store.transaction(async (tx) => {
        for (const doc of docs) await tx.create('organizations', doc);
      });
      const orderBy = { field: 'name', direction: 'desc' } as const;
      const all = await store.find('organizations', { societyId }, { orderBy });
      const pages = [];
      for (let skip = 0; skip < docs.length + 2; skip += 3) {
        pages.push(...(await store.find('organizations', { societyId }, { orderBy, skip, limit: 3 })));
      }
      expect(pages.map((doc) => doc._id)).toEqual(all.map((doc) => doc._id));
      expect(new Set(pages.map((doc) => doc._id)).size).toBe(docs.length);
      expect(await store.find('organizations', { societyId }, { orderBy, skip: docs.length })).toEqual([]);
    });

    /** Stores the organisations in one transaction, under a society of their own. */
    async function stored(names: readonly string[], extra: Partial<Organization> = {}): Promise<Organization[]> {
      const societyId = `${run}-set-${sequence}`;
      const docs = names.map((name, index) => org({ societyId, name, kind: index % 2 === 0 ? 'branch' : 'memberUnit', ...extra }));
      await store.transaction(async (tx) => {
        for (const doc of docs) await tx.create('organizations', doc);
      });
      return docs;
    }

    test('an empty in list matches nothing', async () => {
      const docs = await stored(['甲', '乙']);
      expect(await store.find('organizations', { _id: { in: [] } })).toEqual([]);
      expect(await store.find('organizations', { societyId: docs[0]!.societyId, name: { in: [] } })).toEqual([]);
    });

    test('in reads many documents by id at once; a repeated or unknown id adds nothing', async () => {
      const docs = await stored(['甲', '乙', '丙', '丁', '戊', '己', '庚']);
      const ids = docs.map((doc) => doc._id);
      const wanted = [ids[0]!, ids[3]!, ids[3]!, ids[6]!, ids[0]!, `${run}-nobody`];
      const found = await store.find('organizations', { _id: { in: wanted } });
      expect(found.map((doc) => doc._id).sort()).toEqual([ids[0], ids[3], ids[6]].sort());
      expect(found.find((doc) => doc._id === ids[3])).toEqual(docs[3]);
    });

    test('in combines with equality on other fields', async () => {
      const docs = await stored(['甲', '乙', '丙', '丁', '戊', '己']);
      const societyId = docs[0]!.societyId;
      const names = ['甲', '乙', '丙', '丁', '戊'];
      const branches = await store.find('organizations', { societyId, kind: 'branch', name: { in: names } });
      expect(branches.map((doc) => doc.name).sort()).toEqual(['丙', '戊', '甲'].sort());
      const elsewhere = await store.find('organizations', { societyId: `${run}-elsewhere`, name: { in: names } });
      expect(elsewhere).toEqual([]);
    });

    test('an in find pages in order with orderBy, limit and skip, without overlap or gaps', async () => {
      // Eleven documents, several sharing a name; nine of them asked for (more than one read's worth of values
      // where the platform splits a list).
      const docs = await stored(['乙', '甲', '乙', '丙', '乙', '甲', '丁', '乙', '丙', '戊', '己']);
      const asked = docs.slice(0, 9).map((doc) => doc._id);
      const where = { societyId: docs[0]!.societyId, _id: { in: [...asked].reverse() } };
      const orderBy = { field: 'name', direction: 'asc' } as const;
      const all = await store.find('organizations', where, { orderBy });
      expect(all).toHaveLength(9);
      const expected = docs
        .slice(0, 9)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
      expect(all.map((doc) => doc._id)).toEqual(expected.map((doc) => doc._id));
      const pages = [];
      for (let skip = 0; skip < 12; skip += 2) pages.push(...(await store.find('organizations', where, { orderBy, skip, limit: 2 })));
      expect(pages.map((doc) => doc._id)).toEqual(all.map((doc) => doc._id));
      expect(await store.find('organizations', where, { orderBy: { field: 'name', direction: 'desc' }, limit: 3 })).toEqual(
        [...all].reverse().slice(0, 3),
      );
    });

    test(`a find without a limit answers every match, past one read's ${adapter.pageCap} documents`, async () => {
      const count = adapter.pageCap * 2 + 3;
      const docs = await stored(Array.from({ length: count }, (_, index) => `单位${String(index % 7)}`));
      const societyId = docs[0]!.societyId;
      const all = await store.find('organizations', { societyId });
      expect(all).toHaveLength(count);
      expect(new Set(all.map((doc) => doc._id)).size).toBe(count);
      const branches = await store.find('organizations', { societyId, kind: 'branch' }, { orderBy: { field: 'name', direction: 'desc' } });
      expect(branches).toHaveLength(docs.filter((doc) => doc.kind === 'branch').length);
      // A page that starts inside one read and ends inside the next.
      const orderBy = { field: 'name', direction: 'asc' } as const;
      const ordered = await store.find('organizations', { societyId }, { orderBy });
      const page = await store.find('organizations', { societyId }, { orderBy, skip: adapter.pageCap - 1, limit: adapter.pageCap + 2 });
      expect(page.map((doc) => doc._id)).toEqual(ordered.slice(adapter.pageCap - 1, adapter.pageCap * 2 + 1).map((doc) => doc._id));
    });

    test('a find past the cap its caller states fails loudly instead of answering part', async () => {
      const count = adapter.pageCap + 2;
      const docs = await stored(Array.from({ length: count }, (_, index) => `单位${index}`));
      const societyId = docs[0]!.societyId;
      await expect(store.find('organizations', { societyId }, { atMost: count - 1 })).rejects.toBeInstanceOf(StoreTooMany);
      await expect(
        store.find('organizations', { societyId, _id: { in: docs.map((doc) => doc._id) } }, { atMost: 3 }),
      ).rejects.toBeInstanceOf(StoreTooMany);
      expect(await store.find('organizations', { societyId }, { atMost: count })).toHaveLength(count);
      // A page asked for with a limit is not a truncation.
      expect(await store.find('organizations', { societyId }, { atMost: 1, limit: 2 })).toHaveLength(2);
    });

    // Paged finds whose conditions and order field make up a declared index (organizations: societyId, then name)
    // are read in the index's order on the embedded store, a page at a time: these hold that order to the contract.

    /** The documents in the contract's order: the field (a missing one first), then _id, both in the direction. */
    function inOrder(docs: readonly Organization[], direction: 'asc' | 'desc'): string[] {
      const value = (doc: Organization) => (doc as Partial<Organization>).name;
      const compare = (a: Organization, b: Organization) => {
        const [x, y] = [value(a), value(b)];
        const byName = x === y ? 0 : x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
        return byName || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
      };
      const sorted = [...docs].sort(compare).map((doc) => doc._id);
      return direction === 'asc' ? sorted : sorted.reverse();
    }

    /** Every page of `size` from the start (skip stepping on), until one comes back short. */
    async function pagesOf(where: Parameters<Store['find']>[1], orderBy: { field: string; direction: 'asc' | 'desc' }, size: number) {
      const ids: string[] = [];
      for (let skip = 0; ; skip += size) {
        const page = await store.find('organizations', where, { orderBy, skip, limit: size });
        ids.push(...page.map((doc) => doc._id));
        if (page.length < size) return ids;
      }
    }

    test('paged ordered finds keep the order with ties, both directions, an in on the leading field and other conditions', async () => {
      const names = ['乙', '甲', '乙', '丙', '乙', '甲', '丁', '乙', '丙', '戊', '己', '乙'];
      const [first, second, third] = [`${run}-ord-a-${sequence}`, `${run}-ord-b-${sequence}`, `${run}-ord-c-${sequence}`];
      const docs = names.flatMap((name, index) => [
        org({ societyId: first, name, kind: index % 3 === 0 ? 'memberUnit' : 'branch' }),
        org({ societyId: second, name, kind: 'branch' }),
        org({ societyId: third, name, kind: 'branch' }),
      ]);
      await store.transaction(async (tx) => {
        for (const doc of docs) await tx.create('organizations', doc);
      });
      const where = { societyId: { in: [second, first, second] }, kind: 'branch' };
      const wanted = docs.filter((doc) => doc.societyId !== third && doc.kind === 'branch');
      for (const direction of ['asc', 'desc'] as const) {
        const orderBy = { field: 'name', direction };
        expect(await pagesOf(where, orderBy, 4)).toEqual(inOrder(wanted, direction));
        expect(await pagesOf({ societyId: first }, orderBy, 5)).toEqual(
          inOrder(
            docs.filter((doc) => doc.societyId === first),
            direction,
          ),
        );
        // A cursor at or past the end answers nothing.
        expect(await store.find('organizations', where, { orderBy, skip: wanted.length, limit: 4 })).toEqual([]);
        expect(await store.find('organizations', where, { orderBy, skip: wanted.length + 10, limit: 4 })).toEqual([]);
      }
      // A page answers whole documents equal to those stored, and copies: changing one changes nothing stored.
      const [top] = await store.find('organizations', { societyId: first }, { orderBy: { field: 'name', direction: 'asc' }, limit: 1 });
      expect(top).toEqual(
        docs.find(
          (doc) =>
            doc._id ===
            inOrder(
              docs.filter((doc) => doc.societyId === first),
              'asc',
            )[0],
        ),
      );
      top!.name = '改过';
      expect((await store.get('organizations', top!._id))?.name).not.toBe('改过');
    });

    test('paged ordered finds put documents missing the order field first (last when descending), and follow writes', async () => {
      const societyId = `${run}-ord-missing-${sequence}`;
      const named = ['乙', '甲', '乙', '丙'].map((name) => org({ societyId, name }));
      const unnamed = [org({ societyId }), org({ societyId })].map(({ name: _name, ...rest }) => rest as Organization);
      await store.transaction(async (tx) => {
        for (const doc of [...named, ...unnamed]) await tx.create('organizations', doc);
      });
      let docs = [...named, ...unnamed];
      for (const direction of ['asc', 'desc'] as const) {
        expect(await pagesOf({ societyId }, { field: 'name', direction }, 2)).toEqual(inOrder(docs, direction));
      }
      // After a paged read, a document whose order field changes moves, and a new one takes its place.
      const moved = { ...named[1]!, name: '庚', version: 2 };
      const added = org({ societyId, name: '丁' });
      await store.transaction(async (tx) => {
        await tx.replace('organizations', moved, 1);
        await tx.create('organizations', added);
      });
      docs = [...docs.filter((doc) => doc._id !== moved._id), moved, added];
      for (const direction of ['asc', 'desc'] as const) {
        expect(await pagesOf({ societyId }, { field: 'name', direction }, 3)).toEqual(inOrder(docs, direction));
      }
      // A bounded ordered read answers all, in order, or fails loudly past its bound.
      const orderBy = { field: 'name', direction: 'asc' } as const;
      expect((await store.find('organizations', { societyId }, { orderBy, atMost: docs.length })).map((doc) => doc._id)).toEqual(
        inOrder(docs, 'asc'),
      );
      await expect(store.find('organizations', { societyId }, { orderBy, atMost: docs.length - 1 })).rejects.toBeInstanceOf(StoreTooMany);
    });

    test('of many racing replaces on one version, exactly one wins', async () => {
      const doc = org();
      await store.transaction((tx) => tx.create('organizations', doc));
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, index) =>
          store.transaction(async (tx) => {
            const current = await tx.get('organizations', doc._id);
            if (current?.version !== 1) throw new StoreConflict('organizations', doc._id, 'seen late');
            await tx.replace('organizations', { ...doc, name: `胜者${index}`, version: 2 }, 1);
          }),
        ),
      );
      expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
      expect((await store.get('organizations', doc._id))?.version).toBe(2);
    });
  });
}

describe.each(adapters)('Reads beside a transaction on $name', (adapter) => {
  test('a read through the store inside a transaction answers at once with what is committed, not the transaction’s own writes', async () => {
    const { store, dispose } = await adapter.open();
    try {
      const doc = org();
      const seen = await store.transaction(async (tx) => {
        await tx.create('organizations', doc);
        return { plain: await store.get('organizations', doc._id), own: await tx.get('organizations', doc._id) };
      });
      expect(seen.plain).toBeNull();
      expect(seen.own?.name).toBe(doc.name);
      expect((await store.get('organizations', doc._id))?.name).toBe(doc.name);
    } finally {
      await dispose();
    }
  });

  test('reads running while a transaction commits many documents see all of them or none', async () => {
    const { store, dispose } = await adapter.open();
    try {
      const society = `${run}-gate-${adapter.name}`;
      const docs = Array.from({ length: 20 }, () => org({ societyId: society }));
      let committed = false;
      const committing = store
        .transaction(async (tx) => {
          for (const doc of docs) await tx.create('organizations', doc);
        })
        .finally(() => (committed = true));
      const counts: number[] = [];
      // Readers asking again and again until the commit is done (each a turn of the event loop apart, as requests
      // come), so some ask while its writes are being applied.
      const reader = async () => {
        while (!committed) {
          counts.push((await store.find('organizations', { societyId: society })).length);
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const reads = [reader(), reader(), reader()];
      await Promise.all([committing, ...reads]);
      expect(counts.filter((count) => count !== 0 && count !== docs.length)).toEqual([]);
      expect((await store.find('organizations', { societyId: society })).length).toBe(docs.length);
    } finally {
      await dispose();
    }
  });
});

describe.each(adapters)('Running totals (addTo) on $name', (adapter) => {
  test('a total starts as its seed, adds up across and within transactions, counts its version, and reads whole', async () => {
    const { store, dispose } = await adapter.open();
    try {
      const seed = tally();
      await store.transaction((tx) => addTo(tx, 'indicatorTallies', seed._id, claimed(2), seed));
      await store.transaction(async (tx) => {
        await addTo(tx, 'indicatorTallies', seed._id, claimed(3), seed);
        await addTo(tx, 'indicatorTallies', seed._id, claimed(4, '2023-07-05T01:00:00.000Z'), seed);
      });
      expect(await store.get('indicatorTallies', seed._id)).toEqual({
        ...seed,
        version: 3,
        updatedAt: '2023-07-05T01:00:00.000Z',
        figures: { papers: { ...seed.figures.papers, claimed: 9, pending: 9 } },
      });
      // Read in the transaction that moved it, it already holds the move; a replace after it keeps both.
      const seen = await store.transaction(async (tx) => {
        await addTo(tx, 'indicatorTallies', seed._id, claimed(1), seed);
        const current = (await tx.get('indicatorTallies', seed._id))!;
        await tx.replace('indicatorTallies', { ...current, counts: true, version: current.version + 1 }, current.version);
        return current;
      });
      expect(seen.figures.papers).toMatchObject({ claimed: 10, value: null });
      expect(await store.get('indicatorTallies', seed._id)).toMatchObject({
        version: 5,
        counts: true,
        figures: { papers: { claimed: 10 } },
      });
    } finally {
      await dispose();
    }
  });

  test('a transaction that throws after a move leaves the total as it was', async () => {
    const { store, dispose } = await adapter.open();
    try {
      const seed = tally();
      await store.transaction((tx) => addTo(tx, 'indicatorTallies', seed._id, claimed(2), seed));
      await expect(
        store.transaction(async (tx) => {
          await addTo(tx, 'indicatorTallies', seed._id, claimed(5), seed);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await store.get('indicatorTallies', seed._id))?.figures.papers?.claimed).toBe(2);
    } finally {
      await dispose();
    }
  });
});

describe.each([cloudbaseFake, cloudbaseFakeSmall])('CloudBase running totals on $name', (adapter) => {
  test('a move of a stored total is one update, never a read; a total changed meanwhile fails the commit', async () => {
    const trips = roundTripCounter();
    const store = new CloudbaseStore(fakeCloudbaseDatabase({ pageCap: adapter.pageCap, trips }), { pageSize: adapter.pageCap });
    const seed = tally();
    await store.transaction((tx) => addTo(tx, 'indicatorTallies', seed._id, claimed(2), seed));
    const before = { ...trips.byKind };
    await store.transaction((tx) => addTo(tx, 'indicatorTallies', seed._id, claimed(1), seed));
    const sent = Object.fromEntries(Object.entries(trips.byKind).map(([kind, count]) => [kind, count - (before[kind] ?? 0)]));
    // The transaction's start, one update, the commit: nothing read.
    expect(sent).toEqual({
      'database.startTransaction': 1,
      'database.modifyDocument': 1,
      'database.commitTransaction': 1,
    });
    await expect(
      store.transaction(async (tx) => {
        await addTo(tx, 'indicatorTallies', seed._id, claimed(5), seed);
        await store.transaction((other) => addTo(other, 'indicatorTallies', seed._id, claimed(7), seed));
      }),
    ).rejects.toBeInstanceOf(StoreConflict);
    expect((await store.get('indicatorTallies', seed._id))?.figures.papers).toMatchObject({ claimed: 10, pending: 10 });
  });
});

describe.each([cloudbaseFake, cloudbaseFakeSmall])('CloudBase transaction: getMany on $name', (adapter) => {
  test('answers many documents as get does (null: missing), and a write to one changed meanwhile fails the commit', async () => {
    const { store, dispose } = await adapter.open();
    try {
      const docs = Array.from({ length: 6 }, () => org());
      await store.transaction(async (tx) => {
        for (const doc of docs) await tx.create('organizations', doc);
      });
      const ids = docs.map((doc) => doc._id);
      expect(await store.transaction((tx) => tx.getMany!('organizations', [...ids, `${run}-none`]))).toEqual([...docs, null]);
      // Read beside the transaction, then changed by another commit before this one writes it: a conflict, as a
      // read inside the transaction would have met.
      await expect(
        store.transaction(async (tx) => {
          const [, second] = await tx.getMany!('organizations', ids);
          await store.transaction((other) => other.replace('organizations', { ...docs[1]!, name: '别人改的', version: 2 }, 1));
          await tx.replace('organizations', { ...second!, name: '我改的', version: 2 }, 1);
        }),
      ).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.get('organizations', docs[1]!._id)).toMatchObject({ name: '别人改的', version: 2 });
    } finally {
      await dispose();
    }
  });
});
