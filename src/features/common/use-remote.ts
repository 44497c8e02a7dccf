// Loads something from the api with the three states every screen shows: loading, error, data.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/lib/api-error';

export interface Remote<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

export function useRemote<T>(load: () => Promise<T>, dependencies: readonly unknown[]): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const value = await load();
      if (ticket === latest.current) setData(value);
    } catch (failure) {
      if (ticket === latest.current) setError(messageOf(failure));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, dependencies);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
