// One call a person starts with a tap (confirm, save, send): busy while it runs, its refusal kept to show (and
// toasted, for screens with no place for it), a retry of the call that failed, a double tap ignored.
import { useRef, useState } from 'react';
import { messageOf } from '@/lib/api-error';
import { actionRunner } from './action-runner';

export interface ActionOptions {
  /**
   * Also shows the refusal this way (a toast: pass showMessage from '@/lib/feedback'). Passed in, not imported here,
   * so a page without toasts (the sign-in page) does not load the platform's toast and modal code with this hook.
   */
  toast?: (message: string) => void;
  /** Told of the failure itself, for a screen that words some refusals its own way (a conflict notice). */
  failed?: (failure: unknown) => void;
}

/**
 * L names the calls a screen tells apart (which button spins): `running` is the label passed to the call that runs,
 * null when none runs.
 */
export function useAction<L extends string = string>(options: ActionOptions = {}) {
  const [running, setRunning] = useState<L | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest options, read when a call fails (the runner itself is made once).
  const latest = useRef(options);
  latest.current = options;
  // Made once: the double-tap guard and the failed call live across renders.
  const [runner] = useState(() =>
    actionRunner(
      { busy: (busy, label) => setRunning(busy ? ((label ?? '') as L) : null), error: setError },
      messageOf,
      (message, failure) => {
        latest.current.toast?.(message);
        latest.current.failed?.(failure);
      },
    ),
  );

  return {
    busy: running !== null,
    running,
    error,
    setError,
    run: runner.run as <T>(request: () => Promise<T>, label?: L) => Promise<T | null>,
    attempt: runner.attempt as <T>(request: () => Promise<T>, label?: L) => Promise<T>,
    retry: runner.retry,
  };
}
