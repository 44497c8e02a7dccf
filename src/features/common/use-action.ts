// One call a person starts with a tap (confirm, save, send): busy while it runs, its refusal kept to show (and
// toasted, for screens with no place for it), a retry of the call that failed, a double tap ignored.
import { useState } from 'react';
import { messageOf } from '@/lib/api';
import { actionRunner } from './action-runner';

export interface ActionOptions {
  /**
   * Also shows the refusal this way (a toast: pass showMessage from '@/lib/feedback'). Passed in, not imported here,
   * so a page without toasts (the sign-in page) does not load the platform's toast and modal code with this hook.
   */
  toast?: (message: string) => void;
}

export function useAction(options: ActionOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Made once: the double-tap guard and the failed call live across renders.
  const [runner] = useState(() => actionRunner({ busy: setBusy, error: setError }, messageOf, options.toast));

  return { busy, error, setError, run: runner.run, attempt: runner.attempt, retry: runner.retry };
}
