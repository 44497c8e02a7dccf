// Ordered reads for the embedded store. NeDB answers a sorted, limited find by matching every candidate, sorting
// them all, then cutting the page: a first page of 30 costs as much as the whole list. For a find whose equality
// (or `in`) conditions and order field make up one of the declared indexes (indexes.ts: the equality fields, then
// the order field), the store keeps that index as an OrderedIndex: NeDB's own Index, keyed on the index's fields
// then _id in NeDB's order of values (the order its sort uses). A page walks the keys under the query's equality
// values from where the order starts, merging the runs of an `in` condition, and stops when the page is full: it
// touches about one page of documents, whatever the collection holds.
import Index, { type IndexNode } from '@seald-io/nedb/lib/indexes.js';
import { compareThings, getDotValue } from '@seald-io/nedb/lib/model.js';
import type { CollectionName } from '@/core/schemas/documents';
import { storeIndexes } from '../indexes';
import { isInList, type Where } from '../ports';

type Key = unknown[];

/** The most key prefixes (one per combination of `in` values) one ordered read merges. */
const MAX_RUNS = 64;

/** Compares a key's leading values with a prefix: 0 when the key lies under it. */
function comparePrefix(key: Key, prefix: Key): number {
  for (let at = 0; at < prefix.length; at += 1) {
    const compared = compareThings(key[at], prefix[at]);
    if (compared !== 0) return compared;
  }
  return 0;
}

/** An index of a collection's documents by some fields then _id, each key holding its document's _id. */
export class OrderedIndex extends Index {
  constructor(readonly fields: readonly string[]) {
    super({ fieldName: [...fields, '_id'].join(','), unique: true });
  }

  keyOf(doc: { _id: string }): Key {
    return [...this.fields.map((field) => getDotValue(doc, field)), doc._id];
  }

  override insert(doc: { _id: string }): void {
    this.tree.insert(this.keyOf(doc), doc._id);
  }

  override remove(doc: { _id: string }): void {
    this.tree.delete(this.keyOf(doc), doc._id);
  }

  /** The keys under one prefix, in key order (direction 1) or against it (-1), read as they are asked for. */
  private *run(prefix: Key, direction: 1 | -1): Generator<Key> {
    const near = direction === 1 ? 'left' : 'right';
    const far = direction === 1 ? 'right' : 'left';
    const root = this.tree.tree;
    if (!Object.prototype.hasOwnProperty.call(root, 'key')) return; // an empty tree
    // Down to the first key not before the prefix (in the walk's direction), keeping the nodes still to visit.
    const stack: IndexNode[] = [];
    let node: IndexNode | null = root;
    while (node) {
      if (comparePrefix(node.key as Key, prefix) * direction >= 0) {
        stack.push(node);
        node = node[near];
      } else node = node[far];
    }
    for (let top = stack.pop(); top; top = stack.pop()) {
      if (comparePrefix(top.key as Key, prefix) !== 0) return; // past the prefix: the rest lie beyond it
      yield top.key as Key;
      for (let next = top[far]; next; next = next[near]) stack.push(next);
    }
  }

  /**
   * The _ids of the documents under the prefixes, in the order of the field after them then _id (ascending or
   * descending): each prefix's run read lazily, the runs merged.
   */
  *ids(prefixes: readonly Key[], direction: 1 | -1): Generator<string> {
    const width = this.fields.length - 1;
    const runs = prefixes.map((prefix) => this.run(prefix, direction));
    const heads = runs.map((run) => run.next());
    const byOrder = (a: Key, b: Key) => (compareThings(a[width], b[width]) || compareThings(a[width + 1], b[width + 1])) * direction;
    for (;;) {
      let first = -1;
      heads.forEach((head, at) => {
        if (!head.done && (first === -1 || byOrder(head.value, heads[first]!.value as Key) < 0)) first = at;
      });
      if (first === -1) return;
      const key = heads[first]!.value as Key;
      heads[first] = runs[first]!.next();
      yield key[width + 1] as string;
    }
  }
}

/**
 * The declared index that orders this find (its leading fields all have an equality or `in` condition, its last is
 * the order field), with the key prefixes the conditions pick out; null when none does.
 */
export function orderedPlan(
  collection: CollectionName,
  where: Where,
  orderField: string,
): { fields: readonly string[]; prefixes: Key[] } | null {
  const candidates = (storeIndexes[collection] ?? [])
    .filter((fields) => fields.length >= 2 && fields[fields.length - 1] === orderField)
    .filter((fields) => fields.slice(0, -1).every((field) => field in where))
    .sort((a, b) => b.length - a.length);
  for (const fields of candidates) {
    let prefixes: Key[] = [[]];
    for (const field of fields.slice(0, -1)) {
      const condition = where[field]!;
      const values = isInList(condition) ? [...new Set(condition.in)] : [condition];
      prefixes = prefixes.flatMap((prefix) => values.map((value) => [...prefix, value]));
    }
    if (prefixes.length <= MAX_RUNS) return { fields, prefixes };
  }
  return null;
}
