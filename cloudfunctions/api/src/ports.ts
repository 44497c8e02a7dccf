// The ports the api function runs on. Each has a CloudBase adapter (production) and an embedded one
// (local stack and tests); handlers see only these interfaces.
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';

export type Scalar = string | number | boolean | null;
/** Equality on top-level fields: the only query shape both adapters implement identically. */
export type Where = Record<string, Scalar>;

export interface FindOptions {
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

export interface StoreReader {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null>;
  find<C extends CollectionName>(collection: C, where: Where, options?: FindOptions): Promise<DocumentOf<C>[]>;
}

/** Writes inside a transaction land together or not at all. */
export interface StoreTx {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null>;
  /** Fails with StoreConflict when a document with this id already exists. */
  create<C extends CollectionName>(collection: C, doc: DocumentOf<C>): Promise<void>;
  /** Fails with StoreConflict unless the stored document still has expectedVersion. */
  replace<C extends CollectionName>(collection: C, doc: DocumentOf<C>, expectedVersion: number): Promise<void>;
}

export interface Store extends StoreReader {
  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export class StoreConflict extends Error {
  constructor(
    readonly collection: string,
    id: string,
    why: string,
  ) {
    super(`${collection}/${id}: ${why}`);
    this.name = 'StoreConflict';
  }
}

/** What the bytes of a stored file are: their size and the type file-type sniffed (null: none it knows). */
export interface StoredFile {
  size: number;
  sniffedType: string | null;
}

export interface Files {
  /** Whether an uploaded file with this ID exists in storage. */
  exists(fileId: string): Promise<boolean>;
  /** Reads a stored file to tell its type by its bytes; null when there is no such file. */
  inspect(fileId: string): Promise<StoredFile | null>;
  /** A short-lived link to a private file. */
  temporaryUrl(fileId: string, ttlSeconds: number): Promise<string>;
}

export interface Clock {
  now(): Date;
}

/** Who is calling, as the platform says: the OPENID in production, the signed demo session locally. */
export interface Identity {
  openid: string;
}

/** A WeChat subscribe message (订阅消息) to one person. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
}

export interface SendResult {
  /** sent: WeChat accepted it; recorded: a local stand-in wrote it down; failed: WeChat refused it. */
  result: 'sent' | 'recorded' | 'failed';
  detail: string | null;
}

export interface Notifier {
  send(message: SubscribeMessage): Promise<SendResult>;
}

/** Subscribe-message templates by purpose, from configuration (the ids are the mini-program's own). */
export interface SubscribeTemplate {
  key: 'statusChange' | 'reminder';
  templateId: string;
  title: string;
}

export interface Deps {
  store: Store;
  files: Files;
  clock: Clock;
  notifier: Notifier;
  templates: readonly SubscribeTemplate[];
  newId: () => string;
}
