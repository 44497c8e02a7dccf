// The claim form of an approved application: indicator, amount, description and evidence; typed text and
// uploaded file IDs are kept on the phone until the claim is accepted.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countChars } from '@/core/application/rules';
import { shanghaiDay } from '@/core/calendar/shanghai';
import { isTfkjyLink, LINK_MESSAGE } from '@/core/evidence/claim-evidence';
import { restorableFileIds } from '@/core/evidence/file-ids';
import type { ApplicationDetail } from '@/core/schemas/actions';
import { useDraftSend } from '@/features/common/use-draft-send';
import { dropLocalDraft, loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import { isSummable } from '@/core/program/program-rules';
import { actingRole } from '@/lib/session';
import { addClaim } from '../api/applications';
import { committedFirst } from '../claim-progress';
import { useEvidencePhotos, type EvidencePhoto } from './use-evidence-photos';

export const DESCRIPTION_MAX = 500;
export const PLACE_MAX = 50;

/**
 * A draft as it may come back: only the files of this application that the acting person uploaded (a draft left
 * on a shared phone by another role, or a file id that is not this application's, is dropped, never shown).
 */
function restoredDraft(draft: StoredClaimDraft | null, applicationId: string): StoredClaimDraft | null {
  if (!draft) return null;
  const keep = new Set(
    restorableFileIds(
      draft.photos.flatMap((photo) => (photo.fileId ? [photo.fileId] : [])),
      applicationId,
      actingRole.get(),
    ),
  );
  return { ...draft, photos: draft.photos.filter((photo) => photo.fileId !== null && keep.has(photo.fileId)) };
}

interface StoredClaimDraft {
  indicatorKey: string;
  amountText: string;
  description: string;
  /** YYYY-MM-DD; absent in drafts kept before it was asked. */
  activityOn?: string;
  place?: string;
  link?: string;
  /** Only uploaded photos are kept: a file ID stays valid, a picked-but-not-uploaded path may not. */
  photos: EvidencePhoto[];
  /** The claim's idempotency key, kept with the draft so a retried send records one claim. */
  requestId?: string;
}

export function useClaimForm(applicationId: string, detail: ApplicationDetail | null) {
  const key = `claim:${applicationId}`;
  const [stored] = useState(() => (applicationId ? restoredDraft(loadLocalDraft<StoredClaimDraft>(key), applicationId) : null));
  const [indicatorKey, setIndicatorKey] = useState(stored?.indicatorKey ?? '');
  const [amountText, setAmountText] = useState(stored?.amountText ?? '');
  const [description, setDescription] = useState(stored?.description ?? '');
  const [activityOn, setActivityOn] = useState(stored?.activityOn ?? '');
  const [place, setPlace] = useState(stored?.place ?? '');
  const [link, setLink] = useState(stored?.link ?? '');
  const [requestId] = useState(() => stored?.requestId ?? newRequestId());
  const { error, sending, send } = useDraftSend(key);
  const evidence = useEvidencePhotos(applicationId, 'claim', stored?.photos ?? []);
  const restored = Boolean(stored && (stored.description || stored.amountText || stored.place || stored.link || stored.photos.length > 0));

  // The indicators the application committed to come first: those are what the award is measured on.
  const indicators = useMemo(
    () => (detail ? committedFirst(detail.program.indicators.filter(isSummable), detail.application.commitments) : []),
    [detail],
  );

  // Default to the first indicator the unit committed to.
  useEffect(() => {
    if (!detail || indicatorKey) return;
    const first = detail.application.commitments[0]?.indicatorKey ?? indicators[0]?.key;
    if (first) setIndicatorKey(first);
  }, [detail, indicators, indicatorKey]);

  const uploaded = evidence.photos.filter((photo) => photo.state === 'done' && photo.fileId);
  const uploadedIds = uploaded.map((photo) => photo.fileId).join('|');
  useEffect(() => {
    if (!applicationId) return;
    if (!description && !amountText && !place && !link && uploaded.length === 0) dropLocalDraft(key);
    else {
      saveLocalDraft<StoredClaimDraft>(key, {
        indicatorKey,
        amountText,
        description,
        activityOn,
        place,
        link,
        photos: uploaded,
        requestId,
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, indicatorKey, amountText, description, activityOn, place, link, uploadedIds]);

  const descriptionChars = countChars(description.trim());

  /** The first reason the claim cannot be sent yet, in Chinese; null when it can. */
  function problem(): string | null {
    const amount = /^\d+$/.test(amountText.trim()) ? Number(amountText.trim()) : NaN;
    if (!indicatorKey) return '请选择指标';
    if (!(amount >= 1 && amount <= 100000)) return '请填写完成数量（1 以上的整数）';
    if (descriptionChars === 0) return '请填写完成情况说明';
    if (descriptionChars > DESCRIPTION_MAX) return `完成情况说明不能超过 ${DESCRIPTION_MAX} 字`;
    if (!activityOn) return '请选择活动日期';
    if (countChars(place.trim()) > PLACE_MAX) return `活动地点不能超过 ${PLACE_MAX} 字`;
    if (link.trim() && !isTfkjyLink(link.trim())) return LINK_MESSAGE;
    const uploadProblem = evidence.uploadProblem();
    if (uploadProblem) return uploadProblem;
    if (uploaded.length === 0 && !link.trim()) return '请至少上传一份佐证材料（照片、PDF 或 Word 文件）或填写天府科技云记录链接';
    return null;
  }

  const submit = useCallback(async (): Promise<boolean> => {
    const sent = await send(problem(), () =>
      addClaim({
        applicationId,
        requestId,
        indicatorKey,
        amount: Number(amountText.trim()),
        description: description.trim(),
        fileIds: uploaded.map((photo) => photo.fileId as string),
        activityOn,
        place: place.trim(),
        links: link.trim() ? [link.trim()] : [],
      }),
    );
    return sent !== null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applicationId, requestId, indicatorKey, amountText, description, activityOn, place, link, uploaded, send, evidence.photos]);

  return {
    indicators,
    indicatorKey,
    setIndicatorKey,
    amountText,
    setAmountText,
    description,
    setDescription,
    activityOn,
    setActivityOn,
    /** The server's day (the phone's clock may be off, and the server judges the activity day). */
    today: shanghaiDay(detail?.program.serverNow ?? new Date()),
    place,
    setPlace,
    link,
    setLink,
    descriptionChars,
    evidence,
    restored,
    error,
    sending,
    submit,
  };
}
