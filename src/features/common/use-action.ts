// One call a person starts with a tap (confirm, save): busy while it runs, its refusal kept to show.
import { useCallback, useRef, useState } from 'react';
import { messageOf } from '@/lib/api';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A second tap while the first call runs is ignored (state updates arrive a render late).
  const running = useRef(false);

  /** The call's answer, or null when it failed (its message is in `error`) or another was running. */
  const run = useCallback(async <T>(request: () => Promise<T>): Promise<T | null> => {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await request();
    } catch (failure) {
      setError(messageOf(failure));
      return null;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, run };
}
