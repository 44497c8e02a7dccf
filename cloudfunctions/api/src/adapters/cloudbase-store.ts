// The CloudBase Store: @cloudbase/node-sdk database. Transactions use startTransaction with single-document
// operations only (what CloudBase supports); version checks happen inside the transaction. (runTransaction is
// not used: it retries on any error, our refusals included, and then reports only "Transaction failed".)
import { AppError } from '@/core/errors';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import {
  combinedAdditions,
  isInList,
  StoreConflict,
  StoreTooMany,
  withAddition,
  type Addition,
  type FindOptions,
  type Scalar,
  type Store,
  type StoreTx,
  type Where,
} from '../ports';

/**
 * The subset of the node SDK's database we use. The deployed function hands the SDK's own `Db` in without a cast, so
 * the compiler checks these shapes against the SDK's types; the tests hand in a real `Db` talking to a stand-in server.
 */
export interface CloudbaseDatabase {
  collection(name: string): CloudbaseCollection;
  startTransaction(): Promise<CloudbaseTransaction>;
  /** db.command: `in` builds the query operator matching any value of a list, `inc` the update adding to a number. */
  command: { in(values: unknown[]): unknown; inc(amount: number): unknown };
}
/**
 * @cloudbase/database's Transaction (what db.startTransaction() answers in the SDK we ship): its collections'
 * documents read and write inside it.
 */
interface CloudbaseTransaction {
  collection(name: string): { doc(id: string): CloudbaseTxDoc };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface CloudbaseTxDoc {
  /** The document, or null (in a transaction the SDK answers one document, not a list). */
  get(): Promise<{ data: unknown }>;
  /** An upsert: `updated` counts an existing document it changed (0 when it inserted one). */
  set(data: object): Promise<{ updated?: number }>;
  /** Fields set or moved by commands (db.command.inc); a missing document is left missing (`updated` 0). */
  update(data: object): Promise<{ updated?: number }>;
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

/** CloudBase answers at most 1,000 documents a query from the server side: a longer read is several pages. */
const PAGE = 1000;
/**
 * The most values one `in` condition carries in a query; a longer list is read in parts, merged here. (CloudBase
 * documents no limit on the array: this keeps each request's size bounded.)
 */
const IN_CHUNK = 1000;

export interface CloudbaseStoreOptions {
  /** Documents asked for per query: never more than the platform answers in one (1,000), or pages get cut short. */
  pageSize?: number;
  /** Values per `in` query before a list is split. */
  inChunk?: number;
}

/** The database's order for the values we sort by (numbers by value, strings by code unit, like the server). */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function orderOf(orderBy: NonNullable<FindOptions['orderBy']> | undefined) {
  const sign = orderBy?.direction === 'desc' ? -1 : 1;
  return (a: Record<string, unknown>, b: Record<string, unknown>) =>
    sign * (orderBy ? compareValues(a[orderBy.field], b[orderBy.field]) || compareValues(a._id, b._id) : compareValues(a._id, b._id));
}

/** The first `in` condition longer than max, if any: the find is read in parts of that list. */
function longList(where: Where, max: number): { field: string; values: Exclude<Scalar, null>[] } | null {
  for (const [field, condition] of Object.entries(where)) {
    if (isInList(condition) && new Set(condition.in).size > max) return { field, values: [...new Set(condition.in)] };
  }
  return null;
}

function firstDoc(data: unknown): unknown {
  return Array.isArray(data) ? (data[0] ?? null) : (data ?? null);
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/**
 * CloudBase reports a transaction that lost a race as DATABASE_TRANSACTION_CONFLICT: the same as ours. (node-sdk
 * throws an Error carrying the code; our own refusals, AppError and StoreConflict, pass through as they are.)
 */
function platformConflict(error: unknown): StoreConflict | null {
  if (error instanceof StoreConflict || error instanceof AppError) return null;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code === 'DATABASE_TRANSACTION_CONFLICT' ? new StoreConflict('transaction', '', code) : null;
}

export class CloudbaseStore implements Store {
  private readonly pageSize: number;
  private readonly inChunk: number;

  constructor(
    private readonly db: CloudbaseDatabase,
    options: CloudbaseStoreOptions = {},
  ) {
    this.pageSize = Math.min(options.pageSize ?? PAGE, PAGE);
    this.inChunk = options.inChunk ?? IN_CHUNK;
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    const result = await this.db.collection(collection).doc(id).get();
    return firstDoc(result.data) as DocumentOf<C> | null;
  }

  async find<C extends CollectionName>(collection: C, where: Where, options: FindOptions = {}): Promise<DocumentOf<C>[]> {
    // An empty list matches nothing: no call at all.
    if (Object.values(where).some((condition) => isInList(condition) && condition.in.length === 0)) return [];
    const long = longList(where, this.inChunk);
    if (long) return this.findInParts(collection, where, options, long);
    const skip = options.skip ?? 0;
    const wanted = options.limit ?? (options.atMost !== undefined ? options.atMost + 1 : Number.POSITIVE_INFINITY);
    const condition = this.condition(where);
    const found: DocumentOf<C>[] = [];
    // Page until the reads run out (a page shorter than asked is the last) or the caller's limit is met. Without an
    // orderBy the pages still go in _id order, so consecutive reads neither overlap nor skip a document.
    while (found.length < wanted) {
      let query: CloudbaseQuery = this.db.collection(collection).where(condition);
      if (options.orderBy) query = query.orderBy(options.orderBy.field, options.orderBy.direction);
      query = query.orderBy('_id', options.orderBy?.direction ?? 'asc');
      const pageSize = Math.min(this.pageSize, wanted - found.length);
      const page = await query
        .skip(skip + found.length)
        .limit(pageSize)
        .get();
      found.push(...(page.data as DocumentOf<C>[]));
      if (page.data.length < pageSize) break;
    }
    if (options.limit === undefined && options.atMost !== undefined && found.length > options.atMost) {
      throw new StoreTooMany(collection, options.atMost);
    }
    return found;
  }

  /**
   * A find whose `in` list is too long for one query: each part read on its own (as far as the skip and limit
   * need), then merged in the find's order, and skipped and limited once.
   */
  private async findInParts<C extends CollectionName>(
    collection: C,
    where: Where,
    options: FindOptions,
    long: { field: string; values: Exclude<Scalar, null>[] },
  ): Promise<DocumentOf<C>[]> {
    const skip = options.skip ?? 0;
    const partLimit = options.limit === undefined ? undefined : skip + options.limit;
    const parts: DocumentOf<C>[][] = [];
    for (let start = 0; start < long.values.length; start += this.inChunk) {
      const part = { ...where, [long.field]: { in: long.values.slice(start, start + this.inChunk) } };
      parts.push(await this.find(collection, part, { orderBy: options.orderBy, limit: partLimit }));
    }
    const merged = parts.flat().sort(orderOf(options.orderBy));
    const answer = merged.slice(skip, options.limit === undefined ? undefined : skip + options.limit);
    if (options.limit === undefined && options.atMost !== undefined && answer.length > options.atMost) {
      throw new StoreTooMany(collection, options.atMost);
    }
    return answer;
  }

  /** A Where as the SDK's condition: `{ in }` becomes db.command.in. */
  private condition(where: Where): object {
    return Object.fromEntries(
      Object.entries(where).map(([field, condition]) => [
        field,
        isInList(condition) ? this.db.command.in([...new Set(condition.in)]) : condition,
      ]),
    );
  }

  /**
   * Each round trip to the database costs tens of milliseconds, so a transaction reads each document once (later
   * reads, and the version check of a replace, use what it read or wrote), holds its writes and sends one set per
   * document at commit. A create sends no read: its upsert reports an existing document it changed, and then the
   * whole transaction is rolled back as a conflict.
   */
  async transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    const transaction = await this.db.startTransaction();
    const ref = (collection: string, id: string) => transaction.collection(collection).doc(id);
    const key = (collection: string, id: string) => `${collection}/${id}`;
    const known = new Map<string, unknown>();
    const writes = new Map<string, { collection: string; doc: { _id: string }; mustBeNew: boolean }>();
    // Running totals moved without a read (tx.add): sent as updates at the commit, unless read here meanwhile.
    const additions = new Map<string, { collection: string; id: string; addition: Addition; seed: { _id: string } }>();
    const addKnown = (k: string, collection: string, seed: { _id: string }, addition: Addition) => {
      const stored = known.get(k) as { _id: string } | null;
      const next = withAddition(stored ?? seed, addition);
      writes.set(k, { collection, doc: next, mustBeNew: writes.get(k)?.mustBeNew ?? stored === null });
      known.set(k, structuredClone(next));
    };
    // A document read after additions to it: they apply to what was read, and it is written whole.
    const settle = (k: string) => {
      const pending = additions.get(k);
      if (!pending) return;
      additions.delete(k);
      addKnown(k, pending.collection, pending.seed, pending.addition);
    };
    let readThrough = false;
    const read = async <C extends CollectionName>(collection: C, id: string) => {
      const k = key(collection, id);
      if (!known.has(k)) {
        known.set(k, firstDoc((await ref(collection, id).get()).data));
        readThrough = true;
        settle(k);
      }
      return structuredClone(known.get(k) ?? null) as DocumentOf<C> | null;
    };
    const tx: StoreTx = {
      get: read,
      // The transaction's snapshot is taken by its first read: one through it comes first, then the rest by one query
      // beside it. A document changed after that and written here fails the commit as a conflict, as it would had it
      // been read inside (a read inside answers the snapshot, so its version check alone never caught later writes).
      getMany: async <C extends CollectionName>(collection: C, ids: readonly string[]) => {
        const wanted = [...new Set(ids)].filter((id) => !known.has(key(collection, id)));
        if (wanted.length > 0 && !readThrough) await read(collection, wanted.shift()!);
        if (wanted.length > 0) {
          const found = new Map((await this.find(collection, { _id: { in: wanted } })).map((doc) => [doc._id, doc]));
          for (const id of wanted) {
            known.set(key(collection, id), found.get(id) ?? null);
            settle(key(collection, id));
          }
        }
        return ids.map((id) => structuredClone(known.get(key(collection, id)) ?? null) as DocumentOf<C> | null);
      },
      add: async (collection, id, addition, seed) => {
        const k = key(collection, id);
        if (known.has(k)) return addKnown(k, collection, seed, addition);
        const pending = additions.get(k);
        additions.set(k, {
          collection,
          id,
          seed: structuredClone(seed),
          addition: pending ? combinedAdditions(pending.addition, addition) : addition,
        });
      },
      create: async (collection, doc) => {
        const k = key(collection, doc._id);
        if (additions.has(k)) await read(collection, doc._id);
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
        const written = await ref(collection, doc._id).set(withoutId(doc));
        if (mustBeNew && (written?.updated ?? 0) > 0) throw new StoreConflict(collection, doc._id, 'already exists');
      }
      for (const { collection, id, addition, seed } of additions.values()) {
        // The addition counts the version up, so an update that found the document always reports it changed.
        const moved = await ref(collection, id).update(this.updateOf(addition));
        if ((moved?.updated ?? 0) > 0) continue;
        // Not there yet: made as the seed with the addition (an upsert that meets one made meanwhile: a conflict).
        const written = await ref(collection, id).set(withoutId(withAddition(seed, addition)));
        if ((written?.updated ?? 0) > 0) throw new StoreConflict(collection, id, 'already exists');
      }
      await transaction.commit();
      return result;
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw platformConflict(error) ?? error;
    }
  }

  /** An addition as the SDK's update: db.command.inc for each number added, the set fields as they are. */
  private updateOf(addition: Addition): object {
    return {
      ...Object.fromEntries(Object.entries(addition.inc).map(([path, amount]) => [path, this.db.command.inc(amount)])),
      ...addition.set,
    };
  }

  async close(): Promise<void> {}
}
