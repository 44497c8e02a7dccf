// What every call reads about its caller (their roles, their organisation), kept between calls on a store that says
// when anything in it may have changed. The embedded store (the local server: one process holds the only copy of
// the data) counts each transaction when it is asked and again once its writes are applied (no read runs while
// they are), so a value read after the count reached n is what is stored for as long as the count is still n: any
// transaction at all (a role revoked, an organisation renamed, anything else) drops every kept value, and a value
// read while one was running is dropped when it commits. On CloudBase other instances of the function write too: that store counts nothing and nothing
// is kept.

/** A store that counts the transactions asked of it and those it committed (EmbeddedStore). */
export interface CountsChanges {
  readonly changes: number;
}

function countsChanges(store: object): store is CountsChanges {
  return typeof (store as Partial<CountsChanges>).changes === 'number';
}

/** Bounded: when full, it starts again empty. */
const MAX_KEPT = 1000;
const kept = new WeakMap<object, Map<string, { changes: number; value: Promise<unknown> }>>();

/** Frozen through and through: the one kept value is handed to every later call, so none may change it. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/**
 * What `load` reads from `store`, or what it read (or is reading) under the same key if the store has had no
 * transaction asked of it since; the value is frozen. A failed read is not kept. On a store that does not count its
 * changes, always `load()`.
 */
export function remembered<T>(store: object, key: string, load: () => Promise<T>): Promise<T> {
  if (!countsChanges(store)) return load();
  let values = kept.get(store);
  if (!values) kept.set(store, (values = new Map()));
  const changes = store.changes; // before reading: a transaction asked meanwhile makes the value stale at once
  const known = values.get(key);
  if (known && known.changes === changes) return known.value as Promise<T>;
  const value = load().then(frozen);
  if (values.size >= MAX_KEPT) values.clear();
  const entry = { changes, value };
  values.set(key, entry);
  value.catch(() => {
    if (values.get(key) === entry) values.delete(key);
  });
  return value;
}
