// The CloudBase Store: @cloudbase/node-sdk database. Transactions use startTransaction with single-document
// operations only (what CloudBase supports); version checks happen inside the transaction. (runTransaction is
// not used: it retries on any error, our refusals included, and then reports only "Transaction failed".)
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import { StoreConflict, type FindOptions, type Store, type StoreTx, type Where } from '../ports';

/** The subset of the node SDK's database we use, so tests can check the adapter against a fake. */
export interface CloudbaseDatabase {
  collection(name: string): CloudbaseCollection;
  startTransaction(): Promise<CloudbaseTransaction>;
}
/** @cloudbase/database's Transaction: reads and writes name a document reference. */
interface CloudbaseTransaction {
  get(ref: CloudbaseDoc): Promise<{ data(): unknown }>;
  /** An upsert: `updated` counts an existing document it changed (0 when it inserted one). */
  set(ref: CloudbaseDoc, data: object): Promise<{ updated?: number }>;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface CloudbaseDoc {
  get(): Promise<{ data: unknown }>;
  set(data: object): Promise<unknown>;
}
interface CloudbaseQuery {
  where(condition: object): CloudbaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery;
  skip(count: number): CloudbaseQuery;
  limit(count: number): CloudbaseQuery;
  get(): Promise<{ data: unknown[] }>;
}
interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): CloudbaseDoc;
}

const PAGE = 1000;
const DEFAULT_LIMIT = 10000;

function firstDoc(data: unknown): unknown {
  return Array.isArray(data) ? (data[0] ?? null) : (data ?? null);
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** CloudBase reports a transaction that lost a race as DATABASE_TRANSACTION_CONFLICT: the same as ours. */
function platformConflict(error: unknown): StoreConflict | null {
  if (error instanceof Error) return null; // our own refusals (AppError, StoreConflict) pass through as they are
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code === 'DATABASE_TRANSACTION_CONFLICT' ? new StoreConflict('transaction', '', code) : null;
}

export class CloudbaseStore implements Store {
  constructor(private readonly db: CloudbaseDatabase) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    const result = await this.db.collection(collection).doc(id).get();
    return firstDoc(result.data) as DocumentOf<C> | null;
  }

  async find<C extends CollectionName>(collection: C, where: Where, options: FindOptions = {}): Promise<DocumentOf<C>[]> {
    const wanted = options.limit ?? DEFAULT_LIMIT;
    const skip = options.skip ?? 0;
    const found: DocumentOf<C>[] = [];
    // Server-side reads return at most 1,000 documents a call: page until done.
    while (found.length < wanted) {
      let query: CloudbaseQuery = this.db.collection(collection).where(where);
      if (options.orderBy) {
        query = query.orderBy(options.orderBy.field, options.orderBy.direction).orderBy('_id', options.orderBy.direction);
      }
      const pageSize = Math.min(PAGE, wanted - found.length);
      const page = await query
        .skip(skip + found.length)
        .limit(pageSize)
        .get();
      found.push(...(page.data as DocumentOf<C>[]));
      if (page.data.length < pageSize) break;
    }
    return found;
  }

  /**
   * Each round trip to the database costs tens of milliseconds, so a transaction reads each document once (later
   * reads, and the version check of a replace, use what it read or wrote), holds its writes and sends one set per
   * document at commit. A create sends no read: its upsert reports an existing document it changed, and then the
   * whole transaction is rolled back as a conflict.
   */
  async transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    const transaction = await this.db.startTransaction();
    const ref = (collection: string, id: string) => this.db.collection(collection).doc(id);
    const key = (collection: string, id: string) => `${collection}/${id}`;
    const known = new Map<string, unknown>();
    const writes = new Map<string, { collection: string; doc: { _id: string }; mustBeNew: boolean }>();
    const read = async <C extends CollectionName>(collection: C, id: string) => {
      const k = key(collection, id);
      if (!known.has(k)) known.set(k, firstDoc((await transaction.get(ref(collection, id))).data()));
      return structuredClone(known.get(k) ?? null) as DocumentOf<C> | null;
    };
    const tx: StoreTx = {
      get: read,
      create: async (collection, doc) => {
        const k = key(collection, doc._id);
        if (known.has(k) && known.get(k) !== null) throw new StoreConflict(collection, doc._id, 'already exists');
        writes.set(k, { collection, doc: structuredClone(doc), mustBeNew: writes.get(k)?.mustBeNew ?? !known.has(k) });
        known.set(k, structuredClone(doc));
      },
      replace: async (collection, doc, expectedVersion) => {
        const stored = (await read(collection, doc._id)) as { version?: number } | null;
        if (!stored) throw new StoreConflict(collection, doc._id, 'missing');
        if (stored.version !== expectedVersion) throw new StoreConflict(collection, doc._id, 'version changed');
        const k = key(collection, doc._id);
        writes.set(k, { collection, doc: structuredClone(doc), mustBeNew: writes.get(k)?.mustBeNew ?? false });
        known.set(k, structuredClone(doc));
      },
    };
    try {
      const result = await work(tx);
      for (const { collection, doc, mustBeNew } of writes.values()) {
        const written = await transaction.set(ref(collection, doc._id), withoutId(doc));
        if (mustBeNew && (written?.updated ?? 0) > 0) throw new StoreConflict(collection, doc._id, 'already exists');
      }
      await transaction.commit();
      return result;
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw platformConflict(error) ?? error;
    }
  }

  async close(): Promise<void> {}
}
