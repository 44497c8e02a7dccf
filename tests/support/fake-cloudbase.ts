// An in-memory stand-in for the part of @cloudbase/database the CloudBase Store uses, with its shapes:
// doc().get() answers { data: [doc] }, queries page with skip/limit, and a Transaction reads and writes by
// document reference and fails its commit with DATABASE_TRANSACTION_CONFLICT when another commit touched
// a document it used. It lets the contract suite exercise the CloudBase adapter without credentials.
// Like the server, a query answers at most `pageCap` documents (1,000 by default; a test may set it small to
// make paging visible), and `db.command.in` matches any listed value.
import type { CloudbaseStorage } from '../../cloudfunctions/api/src/adapters/cloudbase-files';
import type { CloudbaseDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-store';

type Doc = Record<string, unknown> & { _id: string };

interface Ref {
  collection: string;
  id: string;
  get(): Promise<{ data: Doc[] }>;
  set(data: object): Promise<unknown>;
}

export interface FakeCloudbaseOptions {
  /** The most documents one query answers, whatever its limit (the server's cap is 1,000). */
  pageCap?: number;
  /** The longest list an `in` condition may carry before the fake refuses the query (default: no limit). */
  inCap?: number;
  /** Where the round trips are counted (a fresh counter when none is given). */
  trips?: RoundTrips;
}

/** The stand-in for db.command.in: the SDK's QueryCommand carries its operator and operands the same way. */
class FakeQueryCommand {
  constructor(
    readonly operator: 'in',
    readonly operands: unknown[],
  ) {}
}

export interface FakeCloudbaseDatabase extends CloudbaseDatabase {
  /** Requests sent to the database so far (query and document reads, transaction reads, writes and commits). */
  roundTrips(): number;
}

/**
 * Round trips to the database, counted as CloudBase would bill them in time: each document get or set, each query
 * get, and each transaction start, get, set, commit and rollback (every one is a request from the function).
 */
export interface RoundTrips {
  total: number;
  byKind: Record<string, number>;
}

export function roundTripCounter(): RoundTrips {
  return { total: 0, byKind: {} };
}

export function fakeCloudbaseDatabase(options: FakeCloudbaseOptions = {}): FakeCloudbaseDatabase {
  const pageCap = options.pageCap ?? 1000;
  const trips = options.trips ?? roundTripCounter();
  const trip = (kind: string) => {
    trips.total += 1;
    trips.byKind[kind] = (trips.byKind[kind] ?? 0) + 1;
  };
  const tables = new Map<string, Map<string, Doc>>();
  const stamps = new Map<string, number>(); // commit counter per document, for conflict detection
  let clock = 0;
  const table = (name: string) => {
    let found = tables.get(name);
    if (!found) tables.set(name, (found = new Map()));
    return found;
  };
  const key = (collection: string, id: string) => `${collection}/${id}`;
  const write = (collection: string, id: string, data: object) => {
    table(collection).set(id, structuredClone({ ...data, _id: id }) as Doc);
    stamps.set(key(collection, id), ++clock);
  };

  type Order = [string, 'asc' | 'desc'];
  // The database's order: missing and null first, numbers by value, strings by code unit.
  const compare = (a: unknown, b: unknown) => {
    if (a === b) return 0;
    if (a === undefined || a === null) return -1;
    if (b === undefined || b === null) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  };
  // MongoDB semantics: { field: null } (and null in an `in` list) also matches a missing field.
  const matches = (doc: Doc, field: string, condition: unknown) => {
    const value = doc[field] ?? null;
    if (condition instanceof FakeQueryCommand) return condition.operands.some((operand) => operand === value);
    return value === condition;
  };
  const query = (collection: string, where: Record<string, unknown> = {}, orders: readonly Order[] = [], skip = 0, limit = 100) => ({
    where: (condition: object) => query(collection, { ...where, ...condition }, orders, skip, limit),
    // Like the database, each orderBy adds a key: later ones break ties of earlier ones.
    orderBy: (field: string, direction: 'asc' | 'desc') => query(collection, where, [...orders, [field, direction]], skip, limit),
    skip: (count: number) => query(collection, where, orders, count, limit),
    limit: (count: number) => query(collection, where, orders, skip, count),
    async get() {
      trip('query.get');
      for (const condition of Object.values(where)) {
        if (condition instanceof FakeQueryCommand && options.inCap !== undefined && condition.operands.length > options.inCap) {
          throw { code: 'DATABASE_REQUEST_FAILED', message: `in: more than ${options.inCap} values` };
        }
      }
      const docs = [...table(collection).values()].filter((doc) =>
        Object.entries(where).every(([field, value]) => matches(doc, field, value)),
      );
      docs.sort((a, b) => {
        for (const [field, direction] of orders) {
          const order = compare(a[field], b[field]) * (direction === 'asc' ? 1 : -1);
          if (order !== 0) return order;
        }
        return 0;
      });
      return { data: structuredClone(docs.slice(skip, skip + Math.min(limit, pageCap))) };
    },
  });

  const ref = (collection: string, id: string): Ref => ({
    collection,
    id,
    async get() {
      trip('doc.get');
      const doc = table(collection).get(id);
      return { data: doc ? [structuredClone(doc)] : [] };
    },
    async set(data: object) {
      trip('doc.set');
      write(collection, id, data);
      return {};
    },
  });

  return {
    roundTrips: () => trips.total,
    command: { in: (values: unknown[]) => new FakeQueryCommand('in', [...values]) },
    collection: (name: string) => ({ ...query(name), doc: (id: string) => ref(name, id) }),
    async startTransaction() {
      trip('transaction.start');
      const startedAt = clock;
      const pending = new Map<string, { ref: Ref; data: object }>();
      const touched = new Set<string>();
      let ended = false;
      return {
        async get(target: Ref) {
          trip('transaction.get');
          const k = key(target.collection, target.id);
          touched.add(k);
          const buffered = pending.get(k);
          const doc = buffered ? { ...structuredClone(buffered.data), _id: target.id } : table(target.collection).get(target.id);
          return { data: () => (doc ? structuredClone(doc) : null) };
        },
        async set(target: Ref, data: object) {
          trip('transaction.set');
          const k = key(target.collection, target.id);
          touched.add(k);
          // An upsert, answered as the database does: whether it changed a document that was there.
          const existed = pending.has(k) || table(target.collection).has(target.id);
          pending.set(k, { ref: target, data: structuredClone(data) });
          return { updated: existed ? 1 : 0, upserted: existed ? null : [{ _id: target.id }] };
        },
        async commit() {
          trip('transaction.commit');
          if (ended) throw { code: 'DATABASE_TRANSACTION_FAIL', message: 'transaction already ended' };
          ended = true;
          if ([...touched].some((k) => (stamps.get(k) ?? 0) > startedAt)) {
            throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' };
          }
          for (const { ref: target, data } of pending.values()) write(target.collection, target.id, data);
          return {};
        },
        async rollback() {
          trip('transaction.rollback');
          ended = true;
          return {};
        },
      };
    },
  } as unknown as FakeCloudbaseDatabase;
}

/**
 * An in-memory stand-in for CloudBase storage: files by cloud path, uploads from a Buffer or a read stream, and
 * temporary links served by a small HTTP server on 127.0.0.1 (the adapter streams a file from its link).
 */
export async function fakeCloudbaseStorage(): Promise<{ storage: CloudbaseStorage; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const { buffer } = await import('node:stream/consumers');
  const stored = new Map<string, Buffer>();
  const prefix = 'cloud://fake-env.fake-bucket/';
  const server = createServer((request, response) => {
    const bytes = stored.get(decodeURIComponent((request.url ?? '/').slice(1).split('?')[0] ?? ''));
    response.writeHead(bytes ? 200 : 404).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const pathOf = (fileID: string) => (fileID.startsWith(prefix) ? fileID.slice(prefix.length) : null);
  const storage: CloudbaseStorage = {
    async downloadFile({ fileID }) {
      const bytes = stored.get(pathOf(fileID) ?? '');
      if (!bytes) throw new Error('STORAGE_FILE_NONEXIST');
      return { fileContent: bytes };
    },
    async getTempFileURL({ fileList }) {
      return {
        fileList: fileList.map(({ fileID }) => {
          const path = pathOf(fileID);
          return path && stored.has(path)
            ? { code: 'SUCCESS', fileID, tempFileURL: `${base}${encodeURIComponent(path)}?sign=fake` }
            : { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' };
        }),
      };
    },
    async uploadFile({ cloudPath, fileContent }) {
      stored.set(cloudPath, Buffer.isBuffer(fileContent) ? fileContent : await buffer(fileContent));
      return { fileID: `${prefix}${cloudPath}` };
    },
  };
  return { storage, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
