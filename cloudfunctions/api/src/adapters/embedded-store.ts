// The embedded Store: one NeDB datastore per collection, file-backed under a folder (.data/db locally),
// surviving restarts. Transactions run one at a time behind a lock and buffer their writes, so a
// transaction that throws writes nothing. Reads never wait on a transaction's work, only on the moment its
// writes are applied, so no reader sees half of one (and a read through the store inside a transaction sees
// what is committed, as on CloudBase, instead of waiting on its own lock). A transaction's writes reach
// the disk together: one journal line (all its documents), fsynced before they are applied to the
// collection files; the lines a crash leaves are applied again, in order, when the store opens. The
// journal is cut only once the collection files are flushed (when it is large, and on close).
import Datastore from '@seald-io/nedb';
import { match } from '@seald-io/nedb/lib/model.js';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import { leadingFields } from '../indexes';
import { isInList, StoreConflict, StoreTooMany, type FindOptions, type Store, type StoreTx, type Where } from '../ports';
import type { CountsChanges } from '../read-memo';
import { OrderedIndex, orderedPlan } from './ordered-index';

type AnyDoc = { _id: string; version?: number };
type Write = { collection: CollectionName; doc: AnyDoc };

/** A stored document as NeDB holds it (not a copy), by _id, from the _id index every datastore keeps. */
function storedDoc(datastore: Datastore<AnyDoc>, id: string): AnyDoc | undefined {
  const { indexes } = datastore as unknown as { indexes: { _id: { getMatching(id: string): AnyDoc[] } } };
  return indexes._id.getMatching(id)[0];
}

/** The journal beside the collection files (NeDB only reads `<collection>.db`). */
export const JOURNAL_FILE = 'journal.ndjson';
/** The journal is cut (once the collection files are flushed) when it grows past this: replaying it is cheap. */
const SETTLE_AFTER_BYTES = 1 << 20;

/**
 * The committed transactions in a journal's text, oldest first. Only lines ended by a newline count:
 * a last line without one was torn by a crash before its transaction was acknowledged.
 */
export function journalEntries(text: string): Write[][] {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { writes: Write[] }).writes);
}

/** Flushes a file's written data to the disk (NeDB appends without fsync); truncates it too when asked. */
async function syncFile(file: string, truncate = false): Promise<void> {
  const handle = await open(file, 'r+').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return;
  try {
    if (truncate) await handle.truncate(0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Transactions one at a time, in the order they were asked. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  run<R>(work: () => Promise<R>): Promise<R> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Reads side by side, and a transaction's writes applied with none under way: a write waits for the reads
 * already started, and reads asked meanwhile wait for it. Writes come one at a time (under the Lock).
 */
class ReadGate {
  private readers = 0;
  private drained: (() => void) | null = null;
  private writing: Promise<void> | null = null;

  async read<R>(work: () => Promise<R>): Promise<R> {
    while (this.writing) await this.writing;
    this.readers += 1;
    try {
      return await work();
    } finally {
      this.readers -= 1;
      if (this.readers === 0) this.drained?.();
    }
  }

  async write(work: () => Promise<void>): Promise<void> {
    let done!: () => void;
    this.writing = new Promise<void>((resolve) => (done = resolve));
    try {
      if (this.readers > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      await work();
    } finally {
      this.writing = null;
      done();
    }
  }
}

/**
 * A Where as NeDB's query: `{ in }` becomes `$in`. NeDB looks candidates up by the index of the last
 * equality field it can use, so the field of the collection's most selective index goes last.
 */
function nedbQuery(collection: CollectionName, where: Where): Record<string, unknown> {
  const indexed = leadingFields(collection);
  const rank = (field: string) => {
    const at = indexed.indexOf(field);
    return at === -1 || isInList(where[field]!) ? Number.MAX_SAFE_INTEGER : at;
  };
  const fields = Object.keys(where).sort((a, b) => rank(b) - rank(a));
  return Object.fromEntries(
    fields.map((field) => {
      const condition = where[field]!;
      return [field, isInList(condition) ? { $in: [...condition.in] } : condition];
    }),
  );
}

export class EmbeddedStore implements Store, CountsChanges {
  private readonly datastores = new Map<string, Promise<Datastore<AnyDoc>>>();
  /** Per collection, the ordered indexes its paged finds have used so far (built on first use, kept by apply). */
  private readonly ordered = new Map<CollectionName, Map<string, OrderedIndex>>();
  private readonly lock = new Lock();
  private readonly gate = new ReadGate();
  /** Replays what a crash left in the journal; every operation waits for it, so no read sees the store before. */
  private readonly recovered: Promise<void>;
  /** Set when applying a journaled transaction failed half-way: only reopening (which replays it) repairs the files. */
  private broken: unknown = null;
  private journalHandle: FileHandle | null = null;
  /** What the journal holds beyond the flushed collection files: which collections, and how many bytes. */
  private readonly unsettled = new Set<CollectionName>();
  private journalBytes = 0;
  /**
   * Transactions asked of this store so far, and those that wrote: what was read while it stood still is still
   * stored (read-memo.ts). A read may run beside a transaction's work, so its commit counts again.
   */
  private asked = 0;

  /**
   * folder: where collection files live; null keeps everything in memory (for quick unit tests).
   * fsync: false leaves each journal line in the kernel's hands (safe from SIGKILL, not from power loss),
   * for in-process test suites where a flush per transaction is most of the time spent.
   */
  constructor(
    private readonly folder: string | null,
    private readonly options: { fsync?: boolean } = {},
  ) {
    this.recovered = this.lock.run(() => this.recover());
    this.recovered.catch(() => undefined); // reported by the first operation that waits for it
  }

  private datastore(collection: CollectionName): Promise<Datastore<AnyDoc>> {
    let pending = this.datastores.get(collection);
    if (!pending) {
      const datastore = new Datastore<AnyDoc>(this.folder ? { filename: this.fileOf(collection) } : { inMemoryOnly: true });
      pending = datastore.loadDatabaseAsync().then(async () => {
        for (const fieldName of leadingFields(collection)) await datastore.ensureIndexAsync({ fieldName });
        return datastore;
      });
      this.datastores.set(collection, pending);
    }
    return pending;
  }

  private fileOf(collection: CollectionName): string {
    return path.join(this.folder!, `${collection}.db`);
  }

  private get journal(): string {
    return path.join(this.folder!, JOURNAL_FILE);
  }

  /** Runs work alone, once the journal has been replayed. */
  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    return this.lock.run(async () => {
      await this.recovered;
      if (this.broken) throw this.broken;
      return work();
    });
  }

  /** Runs a read once the journal has been replayed, beside other reads and transactions, never inside a commit. */
  private async reading<R>(work: () => Promise<R>): Promise<R> {
    await this.recovered;
    if (this.broken) throw this.broken;
    return this.gate.read(work);
  }

  private async recover(): Promise<void> {
    if (!this.folder) return;
    await mkdir(this.folder, { recursive: true });
    const text = await readFile(this.journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    for (const writes of journalEntries(text)) await this.apply(writes);
    if (text !== '') await this.settle(); // also drops a torn last line
  }

  /** Whole documents, upserted: applying a journaled transaction a second time changes nothing. */
  private async apply(writes: readonly Write[]): Promise<void> {
    for (const { collection, doc } of writes) {
      const datastore = await this.datastore(collection);
      const ordered = [...(this.ordered.get(collection)?.values() ?? [])];
      const before = ordered.length > 0 ? storedDoc(datastore, doc._id) : undefined;
      await datastore.updateAsync({ _id: doc._id }, doc, { upsert: true });
      for (const index of ordered) {
        if (before) index.remove(before);
        index.insert(doc);
      }
      this.unsettled.add(collection);
    }
  }

  /** Once the collection files hold every journaled write on disk, the journal may forget them. */
  private async settle(): Promise<void> {
    for (const collection of this.unsettled) await syncFile(this.fileOf(collection));
    await syncFile(this.journal, true);
    this.unsettled.clear();
    this.journalBytes = 0;
  }

  private async commit(writes: readonly Write[]): Promise<void> {
    // The documents change in memory only in apply, with no read under way (the journal is written before).
    if (!this.folder) return this.gate.write(() => this.apply(writes));
    const line = `${JSON.stringify({ writes })}\n`;
    try {
      this.journalHandle ??= await open(this.journal, 'a');
      await this.journalHandle.appendFile(line);
      if (this.options.fsync !== false) await this.journalHandle.datasync();
      await this.gate.write(() => this.apply(writes));
      this.journalBytes += Buffer.byteLength(line);
      if (this.journalBytes >= SETTLE_AFTER_BYTES) await this.settle();
    } catch (error) {
      // Whatever reached the journal lands whole when the store is opened again (a torn line, not at all).
      this.broken = error;
      throw error;
    }
  }

  private async read<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    const datastore = await this.datastore(collection);
    return (await datastore.findOneAsync({ _id: id })) as DocumentOf<C> | null;
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    return this.reading(() => this.read(collection, id));
  }

  find<C extends CollectionName>(collection: C, where: Where, options: FindOptions = {}): Promise<DocumentOf<C>[]> {
    return this.reading(async () => {
      const datastore = await this.datastore(collection);
      const query = nedbQuery(collection, where);
      const bounded = options.limit !== undefined ? options.limit > 0 : options.atMost !== undefined;
      const plan = options.orderBy && bounded ? orderedPlan(collection, where, options.orderBy.field) : null;
      let found: DocumentOf<C>[];
      if (plan && options.orderBy) {
        const index = this.orderedIndex(collection, datastore, plan.fields);
        const wanted = options.limit ?? options.atMost! + 1;
        let skip = options.skip ?? 0;
        found = [];
        for (const id of index.ids(plan.prefixes, options.orderBy.direction === 'asc' ? 1 : -1)) {
          const doc = storedDoc(datastore, id);
          if (!doc || !match(doc, query)) continue;
          if (skip > 0) skip -= 1;
          else if (found.push(structuredClone(doc) as DocumentOf<C>) === wanted) break;
        }
      } else {
        let cursor = datastore.findAsync(query);
        if (options.orderBy) {
          const direction = options.orderBy.direction === 'asc' ? 1 : -1;
          cursor = cursor.sort({ [options.orderBy.field]: direction, _id: direction });
        }
        if (options.skip) cursor = cursor.skip(options.skip);
        if (options.limit !== undefined) cursor = cursor.limit(options.limit);
        else if (options.atMost !== undefined) cursor = cursor.limit(options.atMost + 1);
        found = (await cursor) as unknown as DocumentOf<C>[];
      }
      if (options.limit === undefined && options.atMost !== undefined && found.length > options.atMost) {
        throw new StoreTooMany(collection, options.atMost);
      }
      return found;
    });
  }

  get changes(): number {
    return this.asked;
  }

  /** The collection's ordered index on these fields, built from its documents the first time a find needs it. */
  private orderedIndex(collection: CollectionName, datastore: Datastore<AnyDoc>, fields: readonly string[]): OrderedIndex {
    let indexes = this.ordered.get(collection);
    if (!indexes) this.ordered.set(collection, (indexes = new Map()));
    const name = fields.join(',');
    let index = indexes.get(name);
    if (!index) {
      index = new OrderedIndex(fields);
      for (const doc of datastore.getAllData()) index.insert(doc);
      indexes.set(name, index);
    }
    return index;
  }

  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    this.asked += 1;
    return this.exclusive(async () => {
      const pending = new Map<string, Write>();
      const key = (collection: string, id: string) => `${collection}\u0000${id}`;
      const current = async <C extends CollectionName>(collection: C, id: string) => {
        const buffered = pending.get(key(collection, id));
        return buffered ? (structuredClone(buffered.doc) as DocumentOf<C>) : this.read(collection, id);
      };
      const tx: StoreTx = {
        get: current,
        create: async (collection, doc) => {
          if (await current(collection, doc._id)) throw new StoreConflict(collection, doc._id, 'already exists');
          pending.set(key(collection, doc._id), { collection, doc: structuredClone(doc) });
        },
        replace: async (collection, doc, expectedVersion) => {
          const stored = (await current(collection, doc._id)) as AnyDoc | null;
          if (!stored) throw new StoreConflict(collection, doc._id, 'missing');
          if (stored.version !== expectedVersion) throw new StoreConflict(collection, doc._id, 'version changed');
          pending.set(key(collection, doc._id), { collection, doc: structuredClone(doc) });
        },
      };
      const result = await work(tx);
      if (pending.size > 0) {
        await this.commit([...pending.values()]);
        this.asked += 1;
      }
      return result;
    });
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      for (const pending of this.datastores.values()) await (await pending).compactDatafileAsync();
      if (!this.folder) return;
      await this.settle();
      await this.journalHandle?.close();
      this.journalHandle = null;
    });
  }
}
