// The parts of @seald-io/nedb's own modules the embedded store's ordered reads use (adapters/ordered-index.ts):
// its Index (an AVL tree keyed with the comparison its sort uses) and its matcher. The package ships no types for them.

declare module '@seald-io/nedb/lib/indexes.js' {
  /** One node of the index's AVL tree: a key and the values stored under it (the root of an empty tree has no key). */
  export interface IndexNode {
    key?: unknown;
    data: unknown[];
    left: IndexNode | null;
    right: IndexNode | null;
  }
  export default class Index {
    constructor(options: { fieldName: string; unique?: boolean });
    readonly fieldName: string;
    /** The AVL tree; `tree.tree` is its current root. */
    tree: { tree: IndexNode; insert(key: unknown, value: unknown): void; delete(key: unknown, value?: unknown): void };
    insert(doc: unknown): void;
    remove(doc: unknown): void;
    getMatching(value: unknown): unknown[];
  }
}

declare module '@seald-io/nedb/lib/model.js' {
  /** NeDB's order of values: undefined, null, numbers, strings, booleans, dates, arrays (element by element), objects. */
  export function compareThings(a: unknown, b: unknown): number;
  export function getDotValue(doc: unknown, field: string): unknown;
  /** Whether a document satisfies a query, exactly as find tests its candidates. */
  export function match(doc: unknown, query: unknown): boolean;
  export function deepCopy<T>(doc: T): T;
}
