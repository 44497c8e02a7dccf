// Sending a form whose typed content is kept on the phone: refuse with the form's own reason, or send; on
// success the local draft is dropped, on failure it stays and the reason is shown.
import { useCallback, useState } from 'react';
import { messageOf } from '@/lib/api';
import { dropLocalDraft } from '@/lib/drafts';

export function useDraftSend(draftKey: string) {
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  /** The server's answer, or null when nothing was sent (a problem, or a failure, now in `error`). */
  const send = useCallback(
    async <T>(problem: string | null, request: () => Promise<T>): Promise<T | null> => {
      if (problem) {
        setError(problem);
        return null;
      }
      setSending(true);
      setError(null);
      try {
        const answer = await request();
        dropLocalDraft(draftKey);
        return answer;
      } catch (failure) {
        setError(messageOf(failure));
        return null;
      } finally {
        setSending(false);
      }
    },
    [draftKey],
  );

  return { error, setError, sending, send };
}
