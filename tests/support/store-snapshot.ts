// Every stored document of every collection, to prove a refused call changed nothing and to start many
// stores from one prepared world without building it again.
import { collections, type CollectionName, type DocumentOf } from '@/core/schemas/documents';
import type { Store, StoreReader } from '../../cloudfunctions/api/src/ports';

export type StoreSnapshot = { [C in CollectionName]: DocumentOf<C>[] };

export const collectionNames = Object.keys(collections) as CollectionName[];

/** Each collection's documents, ordered by id (the adapters promise no order of their own). */
export async function snapshotStore(store: StoreReader): Promise<StoreSnapshot> {
  const entries = await Promise.all(
    collectionNames.map(async (name) => {
      const documents = await store.find(name, {});
      return [name, [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))] as const;
    }),
  );
  return Object.fromEntries(entries) as StoreSnapshot;
}

/** Writes a snapshot into an empty store, in one transaction. */
export async function restoreStore(store: Store, snapshot: StoreSnapshot): Promise<void> {
  await store.transaction(async (tx) => {
    for (const name of collectionNames) {
      for (const document of snapshot[name]) await tx.create(name, structuredClone(document) as never);
    }
  });
}

/**
 * The one write a refusal may make: a wrong invitation or setup code counted against its client (rate-limit.ts),
 * so short codes cannot be guessed by trying them all.
 */
export function isWrongCodeCount(collection: CollectionName, doc: unknown): boolean {
  return collection === 'counters' && (doc as DocumentOf<'counters'>).kind === 'codeAttempt';
}

/** A snapshot without the wrong-code counts, to compare a store that refused codes with one that never saw them. */
export function withoutWrongCodeCounts(snapshot: StoreSnapshot): StoreSnapshot {
  return { ...snapshot, counters: snapshot.counters.filter((counter) => !isWrongCodeCount('counters', counter)) };
}

/**
 * Wraps a store to count the writes of committed transactions: zero means the store was not changed (a wrong
 * code's count, the refusal's own record, is not counted).
 */
export function countingWrites(store: Store): { store: Store; committedWrites: () => number } {
  let committed = 0;
  const counting: Store = {
    get: (collection, id) => store.get(collection, id),
    find: (collection, where, options) => store.find(collection, where, options),
    close: () => store.close(),
    async transaction(work) {
      let writes = 0;
      const result = await store.transaction((tx) =>
        work({
          get: (collection, id) => tx.get(collection, id),
          create: async (collection, doc) => {
            await tx.create(collection, doc);
            if (!isWrongCodeCount(collection, doc)) writes += 1;
          },
          replace: async (collection, doc, expectedVersion) => {
            await tx.replace(collection, doc, expectedVersion);
            if (!isWrongCodeCount(collection, doc)) writes += 1;
          },
        }),
      );
      committed += writes;
      return result;
    },
  };
  return { store: counting, committedWrites: () => committed };
}
