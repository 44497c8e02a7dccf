// Lists that page with a cursor: each page is one sorted, limited Store read, whatever the size of the data.
//
// The cursor's guarantee. A cursor remembers where the last page ended: its position in the order and the sort
// value and _id of its last item. The next page reads a window around that position (a page's worth either side)
// and keeps only the items that come after the remembered item in the order (sort value, then _id). So:
// - no item is answered twice because items were added, changed or removed before the cursor between two pages
//   (an item whose own sort value moved past the cursor is answered again, in its new place: it did move);
// - no item is skipped because items before the cursor left the list (their status left the filter) between two
//   pages, unless more than about three pages' worth left at once: the read steps back (MAX_READS reads at most)
//   to find the remembered item's place, and past that accepts the gap;
// - items added after the cursor come on a later page, in their place.
// Lists order by fields that rarely change (submission or creation time; the ranking's score changes only when a
// review comes in), so a status change between pages costs at most one more read.
import { AppError } from '@/core/errors';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import type { InList, Scalar, StoreReader, Where } from './ports';

export const DEFAULT_PAGE = 30;
export const MAX_PAGE = 100;
/** Reads one page may take when items moved around the cursor between pages (see above). */
const MAX_READS = 3;

export interface Order {
  field: string;
  direction: 'asc' | 'desc';
}

interface CursorState {
  /** Where the next page starts, counted in the order. */
  at: number;
  /** The last item answered: its sort value and _id. */
  value: Scalar;
  id: string;
  /** Anything the list carries from page to page (the ranking's last rank). */
  carry?: Scalar;
}

export interface PageRead<T> {
  items: T[];
  /** Whether items follow this page. */
  more: boolean;
  /** The position of the page's first item in the order. */
  at: number;
  /** The item before the page (from the cursor): its sort value, _id and what it carried; null on the first page. */
  previous: { value: Scalar; id: string; carry: Scalar | undefined } | null;
}

function encode(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decode(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
    const scalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (
      typeof state.at === 'number' &&
      Number.isInteger(state.at) &&
      state.at >= 0 &&
      scalar(state.value) &&
      typeof state.id === 'string' &&
      (state.carry === undefined || scalar(state.carry))
    ) {
      return state as CursorState;
    }
  } catch {
    // Answered below.
  }
  throw new AppError('INVALID_INPUT', '翻页位置无效，请刷新列表');
}

/** The Store's order of scalars: missing and null first, then numbers, then strings, then booleans. */
function rankOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  return 3;
}

function compareValues(a: unknown, b: unknown): number {
  const byKind = rankOf(a) - rankOf(b);
  if (byKind !== 0 || rankOf(a) === 0) return byKind;
  return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
}

function fieldOf(doc: object, field: string): Scalar {
  let value: unknown = doc;
  for (const part of field.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[part];
  return (value ?? null) as Scalar;
}

/** Whether a document comes after the cursor's last item in the order. */
function isAfter(doc: { _id: string }, order: Order, state: CursorState): boolean {
  const sign = order.direction === 'asc' ? 1 : -1;
  const byValue = compareValues(fieldOf(doc, order.field), state.value) * sign;
  if (byValue !== 0) return byValue > 0;
  return (doc._id < state.id ? -1 : doc._id > state.id ? 1 : 0) * sign > 0;
}

/** The page size asked for, within bounds. */
export function pageSize(limit: number | undefined): number {
  return Math.min(MAX_PAGE, Math.max(1, limit ?? DEFAULT_PAGE));
}

/** One page of a collection in a fixed order (by the field, then _id), after the cursor. */
export async function readPage<C extends CollectionName>(
  store: StoreReader,
  collection: C,
  where: Where,
  order: Order,
  cursor: string | null | undefined,
  limit: number | undefined,
): Promise<PageRead<DocumentOf<C>>> {
  const size = pageSize(limit);
  const orderBy = { field: order.field, direction: order.direction };
  if (!cursor) {
    const found = await store.find(collection, where, { orderBy, limit: size + 1 });
    return { items: found.slice(0, size), more: found.length > size, at: 0, previous: null };
  }
  const state = decode(cursor);
  let from = Math.max(0, state.at - size);
  let items: DocumentOf<C>[] = [];
  let more = false;
  let at = state.at;
  for (let reads = 1; reads <= MAX_READS; reads += 1) {
    const window = size * 2 + 1;
    const found = await store.find(collection, where, { orderBy, limit: window, skip: from });
    const firstAfter = found.findIndex((doc) => isAfter(doc as { _id: string }, order, state));
    const full = found.length === window;
    if (firstAfter === 0 && from > 0 && reads < MAX_READS) {
      // The window starts past the cursor: items before it left the list. Look further back.
      from = Math.max(0, from - window);
      continue;
    }
    if (firstAfter < 0 && full && reads < MAX_READS) {
      // Everything here is at or before the cursor: items were added before it. Look further on.
      from += window;
      continue;
    }
    const start = firstAfter < 0 ? found.length : firstAfter;
    items = found.slice(start, start + size);
    // A full window may go on past its end (at worst the next page is empty and the last).
    more = start + size < found.length || full;
    at = from + start;
    break;
  }
  return { items, more, at, previous: { value: state.value, id: state.id, carry: state.carry } };
}

/** The cursor to the page after `items`, or null when there is none. */
export function nextCursorOf<T extends { _id: string }>(
  page: Pick<PageRead<T>, 'items' | 'more' | 'at' | 'previous'>,
  order: Order,
  carry?: Scalar,
): string | null {
  if (!page.more) return null;
  const last = page.items[page.items.length - 1];
  const carried = carry === undefined ? {} : { carry };
  // A page that found nothing past the cursor yet (many items came before it meanwhile) hands the same place on.
  if (!last) return page.previous ? encode({ at: page.at, value: page.previous.value, id: page.previous.id, ...carried }) : null;
  return encode({ at: page.at + page.items.length, value: fieldOf(last, order.field), id: last._id, ...carried });
}

/** The Store's `in` condition: the field equals one of the values. */
export function among(values: readonly string[]): InList {
  return { in: values };
}
