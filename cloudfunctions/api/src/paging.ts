// Reading a whole collection a page at a time (for repairs and recounts): every read stays within what one
// CloudBase query returns, however large the collection grows.
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import type { StoreReader, Where } from './ports';

/** Documents per read: within what one CloudBase query returns (1,000). */
export const REPAIR_PAGE = 500;

/** Visits the matching documents a page at a time, oldest first (ties in _id order, so pages never overlap). */
export async function eachPage<C extends CollectionName>(
  store: StoreReader,
  collection: C,
  where: Where,
  visit: (page: DocumentOf<C>[]) => void | Promise<void>,
  pageSize = REPAIR_PAGE,
): Promise<void> {
  for (let skip = 0; ; skip += pageSize) {
    const page = await store.find(collection, where, { orderBy: { field: 'createdAt', direction: 'asc' }, limit: pageSize, skip });
    if (page.length > 0) await visit(page);
    if (page.length < pageSize) return;
  }
}

/** Every matching document, read a page at a time. */
export async function allPaged<C extends CollectionName>(store: StoreReader, collection: C, where: Where = {}): Promise<DocumentOf<C>[]> {
  const found: DocumentOf<C>[] = [];
  await eachPage(store, collection, where, (page) => {
    found.push(...page);
  });
  return found;
}
