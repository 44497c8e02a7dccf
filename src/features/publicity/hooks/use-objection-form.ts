// 异议: anyone may object to a notice (or one entry of it) while it is open, leaving a name and a phone.
// What is typed stays on the phone until the server has it.
import { useCallback, useEffect, useState } from 'react';
import { countChars } from '@/core/application/rules';
import { isPhone, PHONE_MESSAGE } from '@/core/publicity/objection-rules';
import type { ActionOutput } from '@/core/schemas/actions';
import { useDraftSend } from '@/features/common/use-draft-send';
import { loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import { lodgeObjection } from '../api/notices';

export const OBJECTION_MAX = 1000;

interface ObjectionDraft {
  /** One per objection, kept with the draft: a retry after a lost answer records it once. */
  requestId: string;
  applicationId: string | null;
  content: string;
  contactName: string;
  contactPhone: string;
}

function blank(): ObjectionDraft {
  return { requestId: newRequestId(), applicationId: null, content: '', contactName: '', contactPhone: '' };
}

export function useObjectionForm(publicityId: string) {
  const key = `objection:${publicityId}`;
  const [draft, setDraft] = useState<ObjectionDraft>(() => ({ ...blank(), ...(loadLocalDraft<ObjectionDraft>(key) ?? {}) }));
  const { error, sending, send } = useDraftSend(key);
  const [receipt, setReceipt] = useState<ActionOutput<'objection.lodge'> | null>(null);

  useEffect(() => {
    if (draft.content || draft.contactName || draft.contactPhone) saveLocalDraft(key, draft);
  }, [key, draft]);

  const change = useCallback((patch: Partial<ObjectionDraft>) => setDraft((current) => ({ ...current, ...patch })), []);
  const contentChars = countChars(draft.content.trim());

  function problem(): string | null {
    if (contentChars < 5) return '请写明异议内容（至少 5 个字）';
    if (contentChars > OBJECTION_MAX) return `异议内容不能超过 ${OBJECTION_MAX} 字`;
    if (!draft.contactName.trim()) return '请填写联系人';
    if (countChars(draft.contactName.trim()) > 20) return '联系人不能超过 20 字';
    if (!isPhone(draft.contactPhone)) return PHONE_MESSAGE;
    return null;
  }

  const submit = useCallback(async () => {
    const answer = await send(problem(), () =>
      lodgeObjection({
        publicityId,
        requestId: draft.requestId,
        applicationId: draft.applicationId,
        content: draft.content.trim(),
        contactName: draft.contactName.trim(),
        contactPhone: draft.contactPhone.trim(),
      }),
    );
    if (answer) {
      setDraft(blank());
      setReceipt(answer);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publicityId, draft, send]);

  return { draft, change, contentChars, sending, error, receipt, submit, again: () => setReceipt(null) };
}
