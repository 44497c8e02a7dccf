// The ports the api function runs on. Each has a CloudBase adapter (production) and an embedded one
// (local stack and tests); handlers see only these interfaces.
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';

export type Scalar = string | number | boolean | null;
/** One of a list: `{ in: [...] }` matches a document whose field equals any value listed (an empty list: none). */
export interface InList {
  in: readonly Exclude<Scalar, null>[];
}
/** What a top-level field must be: equal to a value, or one of a list. Query null only on fields documents always carry. */
export type Condition = Scalar | InList;
/**
 * Conditions on top-level fields, all of which must hold: the only query shape both adapters implement
 * identically. A plain value is equality; `{ in: [...] }` reads many documents (by _id or any field) in one
 * call, instead of one read per item. Adapters split a long list into as many reads as their platform needs.
 */
export type Where = Record<string, Condition>;

export function isInList(condition: Condition): condition is InList {
  return typeof condition === 'object' && condition !== null;
}

/**
 * find never truncates silently. Without `limit` it answers every matching document, however many reads the
 * platform needs for them (CloudBase answers at most 1,000 a call: the adapter pages to the end). A caller that
 * must not pull an unbounded set states `atMost`: more matches than that fail with StoreTooMany instead of
 * answering a part. A caller that wants one page asks for it with `limit` (and `skip`, with an orderBy).
 */
export interface FindOptions {
  /** Documents equal in the field come in _id order (the same direction), so pages never overlap or skip. */
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  /** At most this many documents (a page); absent: all of them. */
  limit?: number;
  /** How many matching documents to pass over first (a cursor into an ordered find: give it an orderBy). */
  skip?: number;
  /** Without a limit: the most documents the caller accepts; more fail with StoreTooMany (never a silent cut). */
  atMost?: number;
}

/** A find matched more documents than its caller's `atMost`: it fails rather than answer part of them. */
export class StoreTooMany extends Error {
  constructor(
    readonly collection: string,
    readonly atMost: number,
  ) {
    super(`${collection}: more than ${atMost} documents match; page the read (limit/skip) or narrow it`);
    this.name = 'StoreTooMany';
  }
}

export interface StoreReader {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null>;
  find<C extends CollectionName>(collection: C, where: Where, options?: FindOptions): Promise<DocumentOf<C>[]>;
}

/** Writes inside a transaction land together or not at all. */
export interface StoreTx {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocumentOf<C> | null>;
  /**
   * Optional: many documents by id in one read, as get answers each (null: missing), in the ids' order; later gets
   * of them answer from it. Without it, read each with get. (CloudBase reads them by an `in` query beside the
   * transaction, after a first read through it: its commit fails on any document written here that changed since.)
   */
  getMany?<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<(DocumentOf<C> | null)[]>;
  /**
   * Optional: moves a running total without reading it first: numbers added at dotted paths (`inc`, which should
   * count the version up by 1) and fields set (`set`). A missing document is created as `seed` with the addition
   * applied. CloudBase sends one update with `inc` at the commit; without it, use addTo (a read, then a write).
   */
  add?<C extends CollectionName>(collection: C, id: string, addition: Addition, seed: DocumentOf<C>): Promise<void>;
  /** Fails with StoreConflict when a document with this id already exists. */
  create<C extends CollectionName>(collection: C, doc: DocumentOf<C>): Promise<void>;
  /** Fails with StoreConflict unless the stored document still has expectedVersion. */
  replace<C extends CollectionName>(collection: C, doc: DocumentOf<C>, expectedVersion: number): Promise<void>;
}

/** A move of a running total: numbers added at dotted paths, and fields set with them. */
export interface Addition {
  inc: Readonly<Record<string, number>>;
  set: Readonly<Record<string, unknown>>;
}

/** The document with the addition applied (a copy): missing numbers count from 0, missing parents are made. */
export function withAddition<T extends object>(doc: T, addition: Addition): T {
  const next = structuredClone(doc) as Record<string, unknown>;
  const at = (path: string): [Record<string, unknown>, string] => {
    const keys = path.split('.');
    let parent = next;
    for (const key of keys.slice(0, -1)) {
      if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    return [parent, keys[keys.length - 1]!];
  };
  for (const [path, amount] of Object.entries(addition.inc)) {
    const [parent, key] = at(path);
    parent[key] = (typeof parent[key] === 'number' ? parent[key] : 0) + amount;
  }
  for (const [path, value] of Object.entries(addition.set)) {
    const [parent, key] = at(path);
    parent[key] = value;
  }
  return next as T;
}

/** Two additions to one document as one. */
export function combinedAdditions(a: Addition, b: Addition): Addition {
  const inc: Record<string, number> = { ...a.inc };
  for (const [path, amount] of Object.entries(b.inc)) inc[path] = (inc[path] ?? 0) + amount;
  return { inc, set: { ...a.set, ...b.set } };
}

/** A running total moved in a transaction: by the store's own `add` where it has one, else read and written. */
export async function addTo<C extends CollectionName>(
  tx: StoreTx,
  collection: C,
  id: string,
  addition: Addition,
  seed: DocumentOf<C>,
): Promise<void> {
  if (tx.add) return tx.add(collection, id, addition, seed);
  const stored = await tx.get(collection, id);
  if (stored) await tx.replace(collection, withAddition(stored, addition), (stored as { version?: number }).version ?? 0);
  else await tx.create(collection, withAddition(seed, addition));
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

/** What the server reads from an evidence file's bytes (see adapters/file-facts.ts). */
export interface FileBytesFacts {
  sha256: string;
  /** 64-bit perceptual hash as 16 hex digits; null when the file is not a picture the server can decode. */
  phash: string | null;
  /** The capture time its EXIF data records, as a UTC ISO time; null when there is none. */
  capturedAt: string | null;
}

export interface Files {
  /** Reads a stored file to tell its type by its bytes; null when there is no such file. */
  inspect(fileId: string): Promise<StoredFile | null>;
  /** Reads a stored file to fingerprint it (hashes, EXIF capture time); null when there is no such file. */
  facts(fileId: string): Promise<FileBytesFacts | null>;
  /** A short-lived link to a private file. */
  temporaryUrl(fileId: string, ttlSeconds: number): Promise<string>;
  /**
   * A stored file as a stream, so a pack of many files holds one chunk at a time, never a whole file set;
   * null when there is no such file.
   */
  read(fileId: string): Promise<Readable | null>;
  /**
   * Stores a file the function made (an export) at a path the server chose: a buffer, or a file on the function's
   * own disk read as a stream (CloudBase uploads take a Buffer or an fs.ReadStream). Answers its file id and size.
   */
  save(storagePath: string, content: Buffer | ReadStream): Promise<SavedFile>;
}

export interface SavedFile {
  fileId: string;
  size: number;
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

/** WeChat's content-security verdict: pass, review (uncertain: a person should look) or risky. */
export type ContentSuggest = 'pass' | 'review' | 'risky';

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type ContentScene = 1 | 2 | 3 | 4;

export interface TextCheckRequest {
  /** The author's OPENID (WeChat requires one who used the mini-program in the last two hours); null: unknown. */
  openid: string | null;
  scene: ContentScene;
  /** At most 2,500 characters (WeChat's limit): moderation.ts splits longer text. */
  content: string;
}

export interface TextVerdict {
  suggest: ContentSuggest;
  /** WeChat's label (e.g. "20001"), or null when there is none (a failed call). */
  label: string | null;
  /** Why a verdict is not a plain pass when WeChat could not answer, in Chinese. */
  detail: string | null;
}

export interface MediaCheckRequest {
  openid: string | null;
  scene: ContentScene;
  fileId: string;
  /** A temporary link WeChat downloads the image from. */
  mediaUrl: string;
}

/** A started asynchronous check (its verdict arrives later as a `wxa_media_check` event), or why it could not start. */
export type MediaCheckStart = { traceId: string } | { traceId: null; detail: string };

/** The verdict WeChat pushes to the function (message push, MsgType "event") for a started media check. */
export interface MediaCheckEvent {
  MsgType: 'event';
  Event: 'wxa_media_check';
  trace_id: string;
  FromUserName?: string;
  CreateTime?: number;
  version?: number;
  result: { suggest: ContentSuggest; label: string | number };
}

/** WeChat content security (内容安全): text checked at once, images checked asynchronously. */
export interface ContentCheck {
  checkText(request: TextCheckRequest): Promise<TextVerdict>;
  startMediaCheck(request: MediaCheckRequest): Promise<MediaCheckStart>;
}

/** A mini-program code (小程序码) that opens a page with a scene, as an image. */
export interface MiniCodeRequest {
  /** At most 32 visible characters: here an invitation's short code. */
  scene: string;
  /** The mini-program page it opens, without a leading slash, e.g. 'pages/join/index'. */
  page: string;
}

export interface MiniCodeImage {
  mime: string;
  bytes: Buffer;
}

/** WeChat's unlimited mini-program codes (wxacode.getUnlimited); locally a QR code of the H5 link. */
export interface MiniCodes {
  unlimited(request: MiniCodeRequest): Promise<MiniCodeImage>;
}

/** How much of a batch one run may do: asked before each item (see batch-jobs.ts). */
export interface WorkBudget {
  next(): boolean;
}

export interface Deps {
  store: Store;
  files: Files;
  clock: Clock;
  notifier: Notifier;
  templates: readonly SubscribeTemplate[];
  newId: () => string;
  contentCheck: ContentCheck;
  miniCodes: MiniCodes;
  /** The one-time setup code the deploy configured (env SETUP_CODE); null: none, setup.claim refuses. */
  setupCode: string | null;
  /** A fresh budget for one run of batch work; absent: the function's time budget (batch-jobs.ts). */
  batchBudget?: () => WorkBudget;
}
