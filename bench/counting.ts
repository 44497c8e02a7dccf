// Counters for the bench: Store calls at the port, and CloudBase round trips at the SDK's database object.
import type { CloudbaseDatabase } from '../cloudfunctions/api/src/adapters/cloudbase-store';

export { countingStore, type StoreCounts } from '../cloudfunctions/api/src/adapters/counting-store';

/**
 * Wraps a CloudBase database (the SDK's, or the stand-in) to count round trips: every get or set of a document, every
 * query's get (one page), starting a transaction and each read, write, commit and rollback inside one.
 */
export function countingDatabase(db: CloudbaseDatabase): { db: CloudbaseDatabase; trips(): number; reset(): void } {
  let trips = 0;
  const counted = <F extends (...args: never[]) => Promise<unknown>>(call: F): F =>
    ((...args: Parameters<F>) => {
      trips += 1;
      return call(...args);
    }) as F;
  type Query = ReturnType<CloudbaseDatabase['collection']>;
  const query = (inner: Query): Query => ({
    ...inner,
    where: (condition) => query(inner.where(condition) as Query),
    orderBy: (field, direction) => query(inner.orderBy(field, direction) as Query),
    skip: (count) => query(inner.skip(count) as Query),
    limit: (count) => query(inner.limit(count) as Query),
    get: counted(() => inner.get()),
    doc: (id: string) => {
      const ref = inner.doc(id);
      // The transaction reads the reference's own fields (collection, id): keep the object, count its calls.
      return Object.assign(Object.create(ref) as typeof ref, {
        get: counted(() => ref.get()),
        set: counted((data: object) => ref.set(data)),
      });
    },
  });
  // Whatever else the database offers (db.command for `in` conditions) stays as it is.
  const wrapped = Object.assign(Object.create(db) as CloudbaseDatabase, {
    collection: (name: string) => query(db.collection(name)),
    startTransaction: counted(async () => {
      const transaction = await db.startTransaction();
      return {
        get: counted((ref: never) => transaction.get(ref)),
        set: counted((ref: never, data: object) => transaction.set(ref, data)),
        commit: counted(() => transaction.commit()),
        rollback: counted(() => transaction.rollback()),
      };
    }),
  });
  return {
    db: wrapped,
    trips: () => trips,
    reset() {
      trips = 0;
    },
  };
}
