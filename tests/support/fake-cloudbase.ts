// An in-memory CloudBase database server under the real SDK. The CloudBase Store is handed a real `Db` of
// @cloudbase/database (the one @cloudbase/node-sdk's app.database() builds), whose requests come here instead of
// going out over HTTP: the SDK's own query, update and transaction code runs, so the adapter is checked against
// the shapes the platform's SDK really has. It lets the contract suite exercise the CloudBase adapter without
// credentials. Like the server:
// - a query answers at most `pageCap` documents (1,000 by default; a test may set it small to make paging visible),
//   and `$in` matches any listed value, `null` also a missing field;
// - a transaction reads and writes single documents, holds its writes until its commit, and fails the commit with
//   DATABASE_TRANSACTION_CONFLICT when another commit touched a document it used;
// - updates apply `$set` and `$inc` on dotted paths; an update (not a set) of a missing document changes nothing.
// Every request is one round trip, counted by its action.
import { Db } from '@cloudbase/database';
import type { CloudbaseStorage } from '../../cloudfunctions/api/src/adapters/cloudbase-files';
import type { CloudbaseDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-store';

type Doc = Record<string, unknown> & { _id: string };
type Params = Record<string, unknown>;

export interface FakeCloudbaseOptions {
  /** The most documents one query answers, whatever its limit (the server's cap is 1,000). */
  pageCap?: number;
  /** The longest list an `in` condition may carry before the fake refuses the query (default: no limit). */
  inCap?: number;
  /** Where the round trips are counted (a fresh counter when none is given). */
  trips?: RoundTrips;
}

export interface FakeCloudbaseDatabase extends CloudbaseDatabase {
  /** Requests sent to the database so far (query and document reads, transaction reads, writes and commits). */
  roundTrips(): number;
}

/**
 * Round trips to the database, counted as CloudBase would bill them in time: every request the SDK sends (a
 * query, a document read or write, a transaction's start, reads, writes, commit and rollback), by action.
 */
export interface RoundTrips {
  total: number;
  byKind: Record<string, number>;
}

export function roundTripCounter(): RoundTrips {
  return { total: 0, byKind: {} };
}

/** The platform's error: node-sdk throws an object carrying the database's code. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** The SDK's extended JSON, read back into plain values (numbers arrive as {$numberInt: "3"} and the like). */
function decode(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const [key, inner] = Object.entries(value)[0] ?? [];
      if (Object.keys(value).length === 1 && (key === '$numberInt' || key === '$numberLong' || key === '$numberDouble'))
        return Number(inner);
    }
    return value;
  });
}

/** The value at a dotted path, and the setting of one (parents made as needed). */
function pathValue(doc: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc);
}
function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = doc;
  for (const key of keys.slice(0, -1)) {
    if (!at[key] || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]!] = value;
}

/** The database's order: missing and null first, numbers by value, strings by code unit. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** MongoDB semantics: { field: null } (and null in an `$in` list) also matches a missing field. */
function matches(doc: Doc, field: string, condition: unknown): boolean {
  const value = pathValue(doc, field) ?? null;
  if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
    const operators = Object.entries(condition);
    if (operators.length !== 1 || operators[0]![0] !== '$in')
      throw refusal('DATABASE_REQUEST_FAILED', `fake: unsupported query ${JSON.stringify(condition)}`);
    return (operators[0]![1] as unknown[]).some((operand) => (operand ?? null) === value);
  }
  return value === (condition ?? null);
}

interface OpenTransaction {
  startedAt: number;
  pending: Map<string, Doc | null>;
  touched: Set<string>;
}

class FakeServer {
  private readonly tables = new Map<string, Map<string, Doc>>();
  private readonly stamps = new Map<string, number>(); // commit counter per document, for conflict detection
  private readonly transactions = new Map<string, OpenTransaction>();
  private clock = 0;
  private nextTransaction = 0;

  constructor(private readonly options: Required<Pick<FakeCloudbaseOptions, 'pageCap'>> & FakeCloudbaseOptions & { trips: RoundTrips }) {}

  private table(name: string): Map<string, Doc> {
    let found = this.tables.get(name);
    if (!found) this.tables.set(name, (found = new Map()));
    return found;
  }

  private write(collection: string, id: string, doc: Doc | null): void {
    if (doc) this.table(collection).set(id, structuredClone({ ...doc, _id: id }));
    else this.table(collection).delete(id);
    this.stamps.set(`${collection}/${id}`, ++this.clock);
  }

  private transaction(id: unknown): OpenTransaction | null {
    if (id === undefined) return null;
    const open = this.transactions.get(String(id));
    if (!open) throw refusal('DATABASE_TRANSACTION_FAIL', 'transaction already ended');
    return open;
  }

  /** One document as this request sees it: through its transaction's own writes, if it has any. */
  private current(collection: string, id: string, open: OpenTransaction | null): Doc | null {
    const key = `${collection}/${id}`;
    if (open) {
      open.touched.add(key);
      if (open.pending.has(key)) return structuredClone(open.pending.get(key) ?? null);
    }
    return structuredClone(this.table(collection).get(id) ?? null);
  }

  send(action: string, params: Params): unknown {
    this.options.trips.total += 1;
    this.options.trips.byKind[action] = (this.options.trips.byKind[action] ?? 0) + 1;
    switch (action) {
      case 'database.getDocument':
        return params.queryType === 'DOC' ? this.getDoc(params) : this.query(params);
      case 'database.modifyDocument':
        return this.modify(params);
      case 'database.startTransaction': {
        const id = `fake-tx-${++this.nextTransaction}`;
        this.transactions.set(id, { startedAt: this.clock, pending: new Map(), touched: new Set() });
        return { transactionId: id };
      }
      case 'database.commitTransaction': {
        const open = this.transaction(params.transactionId)!;
        this.transactions.delete(String(params.transactionId));
        if ([...open.touched].some((key) => (this.stamps.get(key) ?? 0) > open.startedAt)) {
          throw refusal('DATABASE_TRANSACTION_CONFLICT', 'write conflict');
        }
        for (const [key, doc] of open.pending) {
          const [collection, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
          this.write(collection, id, doc);
        }
        return {};
      }
      case 'database.abortTransaction':
        this.transaction(params.transactionId);
        this.transactions.delete(String(params.transactionId));
        return {};
      default:
        throw refusal('DATABASE_REQUEST_FAILED', `fake: unsupported action ${action}`);
    }
  }

  private getDoc(params: Params): unknown {
    const { _id } = decode(params.query) as { _id: string };
    const doc = this.current(String(params.collectionName), _id, this.transaction(params.transactionId));
    return { data: { list: doc ? [JSON.stringify(doc)] : [] } };
  }

  private query(params: Params): unknown {
    const where = (decode(params.query ?? '{}') ?? {}) as Record<string, unknown>;
    for (const condition of Object.values(where)) {
      const list = condition && typeof condition === 'object' ? (condition as { $in?: unknown[] }).$in : undefined;
      if (list && this.options.inCap !== undefined && list.length > this.options.inCap) {
        throw refusal('DATABASE_REQUEST_FAILED', `in: more than ${this.options.inCap} values`);
      }
    }
    const order = Object.entries((decode(params.order ?? '{}') ?? {}) as Record<string, number>);
    const docs = [...this.table(String(params.collectionName)).values()].filter((doc) =>
      Object.entries(where).every(([field, condition]) => matches(doc, field, condition)),
    );
    docs.sort((a, b) => {
      for (const [field, direction] of order) {
        const sign = compare(pathValue(a, field), pathValue(b, field)) * (direction < 0 ? -1 : 1);
        if (sign !== 0) return sign;
      }
      return 0;
    });
    const skip = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), this.options.pageCap);
    return { data: { list: docs.slice(skip, skip + limit).map((doc) => JSON.stringify(doc)) } };
  }

  private modify(params: Params): unknown {
    if (params.queryType !== 'DOC' || params.multi !== false) throw refusal('DATABASE_REQUEST_FAILED', 'fake: only single-document writes');
    const collection = String(params.collectionName);
    const { _id } = decode(params.query) as { _id: string };
    const open = this.transaction(params.transactionId);
    const stored = this.current(collection, _id, open);
    const data = decode(params.data) as Record<string, unknown>;
    let next: Doc | null;
    if (params.merge === false) {
      // set: the whole document, made if missing (upsert)
      next = { ...data, _id };
    } else {
      if (!stored) return { data: { updated: 0 } };
      next = stored;
      for (const [operator, fields] of Object.entries(data)) {
        for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
          if (operator === '$set') setPath(next, path, value);
          else if (operator === '$inc') setPath(next, path, Number(pathValue(next, path) ?? 0) + Number(value));
          else throw refusal('DATABASE_REQUEST_FAILED', `fake: unsupported update ${operator}`);
        }
      }
    }
    if (open) open.pending.set(`${collection}/${_id}`, next);
    else this.write(collection, _id, next);
    return { data: { updated: stored ? 1 : 0, upsert_id: stored ? undefined : _id } };
  }
}

/** The SDK's requester, sending to the fake server named in the database's config instead of over HTTP. */
class FakeRequester {
  private readonly server: FakeServer;
  constructor(config: { fakeServer: FakeServer }) {
    this.server = config.fakeServer;
  }
  async send(action: string, params: Params): Promise<unknown> {
    await Promise.resolve(); // a request is never answered synchronously
    return this.server.send(action, structuredClone(params ?? {}));
  }
}

export function fakeCloudbaseDatabase(options: FakeCloudbaseOptions = {}): FakeCloudbaseDatabase {
  const trips = options.trips ?? roundTripCounter();
  const server = new FakeServer({ ...options, pageCap: options.pageCap ?? 1000, trips });
  (Db as unknown as { reqClass: unknown }).reqClass = FakeRequester;
  const db = new Db({ env: 'fake-env', fakeServer: server }) as unknown as FakeCloudbaseDatabase;
  db.roundTrips = () => trips.total;
  return db;
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
