// A Store that counts the calls made through it (for the bench and for tests that hold an action's Store calls
// independent of data size). It changes nothing: every call goes to the wrapped store as it is.
import type { Store, StoreTx } from '../ports';

export interface StoreCounts {
  get: number;
  find: number;
  /** Documents the finds answered, summed. */
  found: number;
  transaction: number;
  txGet: number;
  txCreate: number;
  txReplace: number;
  /** Every call above except `found`: what one action costs in Store round trips at the port. */
  total: number;
}

const zero = (): Omit<StoreCounts, 'total'> => ({ get: 0, find: 0, found: 0, transaction: 0, txGet: 0, txCreate: 0, txReplace: 0 });

export function countingStore(inner: Store): { store: Store; counts(): StoreCounts; reset(): void } {
  let tally = zero();
  const store: Store = {
    async get(collection, id) {
      tally.get += 1;
      return inner.get(collection, id);
    },
    async find(collection, where, options) {
      tally.find += 1;
      const docs = await inner.find(collection, where, options);
      tally.found += docs.length;
      return docs;
    },
    transaction(work) {
      tally.transaction += 1;
      return inner.transaction((tx) => {
        const counted: StoreTx = {
          get(collection, id) {
            tally.txGet += 1;
            return tx.get(collection, id);
          },
          create(collection, doc) {
            tally.txCreate += 1;
            return tx.create(collection, doc);
          },
          replace(collection, doc, expectedVersion) {
            tally.txReplace += 1;
            return tx.replace(collection, doc, expectedVersion);
          },
        };
        return work(counted);
      });
    },
    close: () => inner.close(),
  };
  return {
    store,
    counts() {
      const { found: _found, ...calls } = tally;
      return { ...tally, total: Object.values(calls).reduce((sum, count) => sum + count, 0) };
    },
    reset() {
      tally = zero();
    },
  };
}
