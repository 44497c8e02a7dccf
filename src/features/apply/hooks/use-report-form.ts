// The mid-term, final or rectification report of an award: summary, what is newly achieved on each committed
// indicator not yet covered by claims (each figure becomes a claim waiting for verification), evidence photos.
// Typed text and uploaded file IDs stay on the phone until the server has them.
import { useCallback, useEffect, useState } from 'react';
import { countChars } from '@/core/application/rules';
import { reportFigureIssue, reportLines } from '@/core/kpi/report-ledger';
import { indicatorByKey } from '@/core/program/program-rules';
import type { ApplicationDetail } from '@/core/schemas/actions';
import { useDraftSend } from '@/features/common/use-draft-send';
import { dropLocalDraft, loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import { reportOnApplication } from '../api/applications';
import type { ReportKind } from '../next-step';
import { useEvidencePhotos, type EvidencePhoto } from './use-evidence-photos';

export const SUMMARY_MAX = 5000;

interface StoredReportDraft {
  summary: string;
  /** The amount newly achieved, typed per indicator key. */
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
  // Only the indicators still short of their commitment take a figure; the others show as covered.
  const lines = reportLines(application.commitments, detail.claims);
  const open = lines.filter((line) => line.missing > 0);
  const typed = open.filter((line) => (achieved[line.indicatorKey] ?? '').trim() !== '');

  function problem(): string | null {
    if (summaryChars === 0) return '请填写报告摘要';
    if (summaryChars > SUMMARY_MAX) return `报告摘要不能超过 ${SUMMARY_MAX} 字`;
    for (const line of typed) {
      const text = achieved[line.indicatorKey].trim();
      if (!/^\d+$/.test(text)) return '新增数量须为 0 以上的整数';
      const indicator = indicatorByKey(detail.program, line.indicatorKey);
      const issue = reportFigureIssue(line, Number(text), { name: indicator?.name ?? line.indicatorKey, unit: indicator?.unit ?? '' });
      if (issue) return issue;
    }
    const uploadProblem = evidence.uploadProblem();
    if (uploadProblem) return uploadProblem;
    return null;
  }

  const submit = useCallback(async (): Promise<boolean> => {
    const sent = await send(problem(), () =>
      reportOnApplication({
        applicationId: application._id,
        version: application.version,
        requestId,
        summary: summary.trim(),
        achievements: typed.map((line) => ({ indicatorKey: line.indicatorKey, amount: Number(achieved[line.indicatorKey].trim()) })),
        fileIds: uploaded.map((photo) => photo.fileId as string),
      }),
    );
    return sent !== null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [application, detail.claims, summary, achieved, uploadedIds, send, evidence.photos]);

  return {
    lines,
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
