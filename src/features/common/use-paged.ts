// A list the server answers a page at a time: the first page on load (and on reload), the next on loadMore,
// appended. An item the server answers again on a later page (it moved) shows once, in its newer place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/lib/api-error';

export interface PageAnswer<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface Paged<T> {
  items: T[] | null;
  loading: boolean;
  error: string | null;
  /** Items follow the loaded ones. */
  more: boolean;
  loadingMore: boolean;
  /** The whole list's size, where the server counts it. */
  total: number | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** Appends a page, keeping one entry per key: an item answered again replaces its earlier place. */
export function appendPage<T>(loaded: readonly T[], page: readonly T[], keyOf: (item: T) => string): T[] {
  const again = new Set(page.map(keyOf));
  return [...loaded.filter((item) => !again.has(keyOf(item))), ...page];
}

export function usePaged<T>(
  loadPage: (cursor: string | null) => Promise<PageAnswer<T>>,
  keyOf: (item: T) => string,
  dependencies: readonly unknown[],
): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(loadPage, dependencies);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await load(null);
      if (ticket !== latest.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setTotal(page.total ?? null);
    } catch (failure) {
      if (ticket === latest.current) setError(messageOf(failure));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [load]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore || loading) return;
    const ticket = latest.current;
    setLoadingMore(true);
    try {
      const page = await load(cursor);
      if (ticket !== latest.current) return;
      setItems((loaded) => appendPage(loaded ?? [], page.items, keyOf));
      setCursor(page.nextCursor);
      if (page.total !== undefined) setTotal(page.total);
    } catch (failure) {
      if (ticket === latest.current) setError(messageOf(failure));
    } finally {
      if (ticket === latest.current) setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, loadingMore, loading, load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, loading, error, more: cursor !== null, loadingMore, total, reload, loadMore };
}

/** Every page of a list, one after another (for a list a screen needs whole, such as a notice's entries). */
export async function allPages<T>(loadPage: (cursor: string | null) => Promise<PageAnswer<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: PageAnswer<T> = await loadPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
