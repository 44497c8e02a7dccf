// One contract for the Store port, run against every adapter we ship: always the embedded one and the
// CloudBase adapter on an in-memory stand-in of @cloudbase/database, and real CloudBase when credentials
// are present in the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { CloudbaseStore, type CloudbaseDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-store';
import { StoreConflict, type Store } from '../../cloudfunctions/api/src/ports';
import { fakeCloudbaseDatabase } from '../support/fake-cloudbase';
import { organizationProfileSchema, type Organization } from '@/core/schemas/documents';

interface Adapter {
  name: string;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const embedded: Adapter = {
  name: 'embedded (NeDB, file-backed)',
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
  async open() {
    return { store: new CloudbaseStore(fakeCloudbaseDatabase()), dispose: async () => undefined };
  },
};

const cloudbaseEnv = process.env.TCB_ENV_ID;
const cloudbaseReady = Boolean(cloudbaseEnv && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY);
const cloudbase: Adapter = {
  name: `CloudBase (${cloudbaseEnv ?? 'no env'})`,
  async open() {
    const tcb = (await import('@cloudbase/node-sdk')).default;
    const app = tcb.init({ env: cloudbaseEnv, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY });
    return { store: new CloudbaseStore(app.database() as unknown as CloudbaseDatabase), dispose: async () => undefined };
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

for (const adapter of cloudbaseReady ? [embedded, cloudbaseFake, cloudbase] : [embedded, cloudbaseFake]) {
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

test('embedded store: a read through the store inside a transaction fails at once instead of waiting on its own lock', async () => {
  const { store, dispose } = await embedded.open();
  try {
    await expect(store.transaction(() => store.get('organizations', 'x'))).rejects.toThrow('read through the transaction (tx)');
    // The lock is free again afterwards.
    expect(await store.get('organizations', 'x')).toBeNull();
  } finally {
    await dispose();
  }
});
