// Sending a form whose typed content is kept on the phone: refuse with the form's own reason, or send; on
// success the local draft is dropped, on failure it stays and the reason is shown (and toasted).
import { useCallback } from 'react';
import { dropLocalDraft } from '@/lib/drafts';
import { showMessage } from '@/lib/feedback';
import { useAction } from './use-action';

export function useDraftSend(draftKey: string) {
  const action = useAction({ toast: showMessage });
  const { run, setError } = action;

  /** The server's answer, or null when nothing was sent (a problem, a failure now in `error`, or a second tap). */
  const send = useCallback(
    async <T>(problem: string | null, request: () => Promise<T>): Promise<T | null> => {
      if (problem) {
        setError(problem);
        return null;
      }
      return run(async () => {
        const answer = await request();
        dropLocalDraft(draftKey);
        return answer;
      });
    },
    [draftKey, run, setError],
  );

  return { error: action.error, setError, sending: action.busy, send };
}
