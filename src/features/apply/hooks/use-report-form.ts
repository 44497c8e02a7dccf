// The mid-term, final or rectification report of an award: summary, the achieved amount of each committed
// indicator, evidence photos. Typed text and uploaded file IDs stay on the phone until the server has them.
import { useCallback, useEffect, useState } from 'react';
import { countChars } from '@/core/application/rules';
import type { ApplicationDetail } from '@/core/schemas/actions';
import { call } from '@/lib/api';
import { useDraftSend } from '@/features/common/use-draft-send';
import { dropLocalDraft, loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import type { ReportKind } from '../next-step';
import { useEvidencePhotos, type EvidencePhoto } from './use-evidence-photos';

export const SUMMARY_MAX = 5000;

interface StoredReportDraft {
  summary: string;
  /** Achieved amount typed per indicator key. */
  achieved: Record<string, string>;
  photos: EvidencePhoto[];
  /** Kept with the draft: a send retried after a lost answer is recognised by the server. */
  requestId?: string;
}

export function useReportForm(detail: ApplicationDetail, kind: ReportKind) {
  const application = detail.application;
  const key = `report:${application._id}:${kind}`;
  const [stored] = useState(() => loadLocalDraft<StoredReportDraft>(key));
  const [summary, setSummary] = useState(stored?.summary ?? '');
  const [achieved, setAchieved] = useState<Record<string, string>>(stored?.achieved ?? {});
  const [requestId] = useState(() => stored?.requestId ?? newRequestId());
  const { error, sending, send } = useDraftSend(key);
  const evidence = useEvidencePhotos(application._id, 'report', stored?.photos ?? []);
  const restored = Boolean(stored && (stored.summary || stored.photos.length > 0 || Object.keys(stored.achieved).length > 0));

  const uploaded = evidence.photos.filter((photo) => photo.state === 'done' && photo.fileId);
  const uploadedIds = uploaded.map((photo) => photo.fileId).join('|');
  useEffect(() => {
    const empty = !summary && Object.values(achieved).every((text) => !text) && uploaded.length === 0;
    if (empty) dropLocalDraft(key);
    else saveLocalDraft<StoredReportDraft>(key, { summary, achieved, photos: uploaded, requestId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, summary, achieved, uploadedIds]);

  const summaryChars = countChars(summary.trim());

  function problem(): string | null {
    if (summaryChars === 0) return '请填写报告摘要';
    if (summaryChars > SUMMARY_MAX) return `报告摘要不能超过 ${SUMMARY_MAX} 字`;
    for (const commitment of application.commitments) {
      const text = (achieved[commitment.indicatorKey] ?? '').trim();
      if (text !== '' && !/^\d+$/.test(text)) return '完成数量须为 0 以上的整数';
    }
    const uploadProblem = evidence.uploadProblem();
    if (uploadProblem) return uploadProblem;
    return null;
  }

  const submit = useCallback(async (): Promise<boolean> => {
    const sent = await send(problem(), () =>
      call('application.report', {
        applicationId: application._id,
        version: application.version,
        requestId,
        summary: summary.trim(),
        achievements: application.commitments
          .filter((commitment) => (achieved[commitment.indicatorKey] ?? '').trim() !== '')
          .map((commitment) => ({ indicatorKey: commitment.indicatorKey, amount: Number(achieved[commitment.indicatorKey].trim()) })),
        fileIds: uploaded.map((photo) => photo.fileId as string),
      }),
    );
    return sent !== null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [application, summary, achieved, uploadedIds, send, evidence.photos]);

  return {
    summary,
    setSummary,
    summaryChars,
    achieved,
    setAchieved: (indicatorKey: string, text: string) => setAchieved((current) => ({ ...current, [indicatorKey]: text })),
    evidence,
    restored,
    error,
    sending,
    submit,
  };
}
