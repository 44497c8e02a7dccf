// The embedded Store: one NeDB datastore per collection, file-backed under a folder (.data/db locally),
// surviving restarts. Transactions run one at a time behind a lock and buffer their writes, so a
// transaction that throws writes nothing and no reader sees half of one.
import Datastore from '@seald-io/nedb';
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import { StoreConflict, type FindOptions, type Store, type StoreTx, type Where } from '../ports';

type AnyDoc = { _id: string; version?: number };

/** Marks the async work of a running transaction: a plain read from inside it would wait on its own lock. */
const insideTransaction = new AsyncLocalStorage<true>();

class Lock {
  private tail: Promise<void> = Promise.resolve();
  run<R>(work: () => Promise<R>): Promise<R> {
    if (insideTransaction.getStore()) {
      return Promise.reject(new Error('EmbeddedStore: read through the transaction (tx), not the store, inside a transaction'));
    }
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export class EmbeddedStore implements Store {
  private readonly datastores = new Map<string, Promise<Datastore<AnyDoc>>>();
  private readonly lock = new Lock();

  /** folder: where collection files live; null keeps everything in memory (for quick unit tests). */
  constructor(private readonly folder: string | null) {}

  private datastore(collection: CollectionName): Promise<Datastore<AnyDoc>> {
    let pending = this.datastores.get(collection);
    if (!pending) {
      const datastore = new Datastore<AnyDoc>(
        this.folder ? { filename: path.join(this.folder, `${collection}.db`) } : { inMemoryOnly: true },
      );
      pending = datastore.loadDatabaseAsync().then(() => datastore);
      this.datastores.set(collection, pending);
    }
    return pending;
  }

  private async read<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    const datastore = await this.datastore(collection);
    return (await datastore.findOneAsync({ _id: id })) as DocumentOf<C> | null;
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    return this.lock.run(() => this.read(collection, id));
  }

  find<C extends CollectionName>(collection: C, where: Where, options: FindOptions = {}): Promise<DocumentOf<C>[]> {
    return this.lock.run(async () => {
      const datastore = await this.datastore(collection);
      let cursor = datastore.findAsync(where);
      if (options.orderBy) {
        const direction = options.orderBy.direction === 'asc' ? 1 : -1;
        cursor = cursor.sort({ [options.orderBy.field]: direction, _id: direction });
      }
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor) as unknown as DocumentOf<C>[];
    });
  }

  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    return this.lock.run(async () => {
      const pending = new Map<string, { collection: CollectionName; doc: AnyDoc; isNew: boolean }>();
      const key = (collection: string, id: string) => `${collection}\u0000${id}`;
      const current = async <C extends CollectionName>(collection: C, id: string) => {
        const buffered = pending.get(key(collection, id));
        return buffered ? (structuredClone(buffered.doc) as DocumentOf<C>) : this.read(collection, id);
      };
      const tx: StoreTx = {
        get: current,
        create: async (collection, doc) => {
          if (await current(collection, doc._id)) throw new StoreConflict(collection, doc._id, 'already exists');
          pending.set(key(collection, doc._id), { collection, doc: structuredClone(doc), isNew: true });
        },
        replace: async (collection, doc, expectedVersion) => {
          const stored = (await current(collection, doc._id)) as AnyDoc | null;
          if (!stored) throw new StoreConflict(collection, doc._id, 'missing');
          if (stored.version !== expectedVersion) throw new StoreConflict(collection, doc._id, 'version changed');
          const previous = pending.get(key(collection, doc._id));
          pending.set(key(collection, doc._id), { collection, doc: structuredClone(doc), isNew: previous?.isNew ?? false });
        },
      };
      const result = await insideTransaction.run(true, () => work(tx));
      for (const { collection, doc, isNew } of pending.values()) {
        const datastore = await this.datastore(collection);
        if (isNew) await datastore.insertAsync(doc);
        else await datastore.updateAsync({ _id: doc._id }, doc, {});
      }
      return result;
    });
  }

  async close(): Promise<void> {
    await this.lock.run(async () => {
      for (const pending of this.datastores.values()) await (await pending).compactDatafileAsync();
    });
  }
}
