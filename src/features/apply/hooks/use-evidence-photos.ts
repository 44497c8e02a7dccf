// Evidence photos of one claim: picked on the phone, uploaded one by one straight to storage, each with
// its own state so a failed upload can be retried without choosing the photo again.
import { useCallback, useRef, useState } from 'react';
import { sendableCaptureTime } from '@/core/evidence/capture-time';
import { isPhotoFile, type UploadPurpose } from '@/core/evidence/upload-rules';
import { ApiError, messageOf } from '@/lib/api-error';
import { pickDocument, pickPhotos, uploadAttachment, uploadEvidence, type PickedDocument } from '@/lib/upload';
import { photoCaptureTime } from '@/lib/photo-capture';
import { cancelledByPerson } from '@/lib/platform';

export const MAX_PHOTOS = 9;

export interface EvidencePhoto {
  localId: string;
  /** Local path or blob URL for the thumbnail. */
  path: string;
  fileId: string | null;
  state: 'uploading' | 'done' | 'failed';
  error?: string;
  /** A document's file name (PDF, Word), shown in place of a thumbnail; absent for photos. */
  name?: string;
  /** Bytes, when the picker told them (the phone then reads only the head of a photo for its capture time). */
  size?: number;
}

/** The document kinds a claim offers besides photos. */
export const EVIDENCE_DOCUMENTS = ['pdf', 'doc', 'docx'] as const;

let photoCounter = 0;

export function useEvidencePhotos(applicationId: string, purpose: UploadPurpose, initial: EvidencePhoto[] = []) {
  const [photos, setPhotos] = useState<EvidencePhoto[]>(initial);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const count = useRef(initial.length);
  count.current = photos.length;

  const patch = useCallback((localId: string, change: Partial<EvidencePhoto>) => {
    setPhotos((current) => current.map((photo) => (photo.localId === localId ? { ...photo, ...change } : photo)));
  }, []);

  const upload = useCallback(
    async (photo: Pick<EvidencePhoto, 'localId' | 'path' | 'name' | 'size'>) => {
      patch(photo.localId, { state: 'uploading', error: undefined });
      try {
        // Read from the original before it is compressed: the time survives only as what the phone reports.
        const isPhoto = !photo.name || isPhotoFile(photo.name);
        const capturedAt = isPhoto ? sendableCaptureTime(await photoCaptureTime(photo.path, photo.size), new Date()) : null;
        const fileId =
          photo.name && purpose === 'claim'
            ? await uploadAttachment(applicationId, { path: photo.path, name: photo.name, size: photo.size ?? 0 }, 'claim', capturedAt)
            : await uploadEvidence(applicationId, purpose, photo.path, capturedAt);
        patch(photo.localId, { state: 'done', fileId });
      } catch (error) {
        patch(photo.localId, { state: 'failed', error: messageOf(error) });
      }
    },
    [applicationId, purpose, patch],
  );

  const addPhotos = useCallback(async () => {
    const room = MAX_PHOTOS - count.current;
    if (room <= 0) return;
    setPickError(null);
    let picked: { path: string; size: number }[];
    try {
      picked = (await pickPhotos(room)).slice(0, room);
    } catch (error) {
      // Closing the picker is not an error worth showing.
      if (error instanceof ApiError) setPickError(error.message);
      else if (!cancelledByPerson(error)) setPickError('无法选择照片，请检查相册或相机权限');
      return;
    }
    if (picked.length === 0) return;
    const added: EvidencePhoto[] = picked.map((file) => {
      photoCounter += 1;
      return {
        localId: `photo${Date.now().toString(36)}${photoCounter}`,
        path: file.path,
        size: file.size,
        fileId: null,
        state: 'uploading',
      };
    });
    setPhotos((current) => [...current, ...added]);
    setProgress({ done: 0, total: added.length });
    for (const [index, photo] of added.entries()) {
      await upload(photo);
      setProgress({ done: index + 1, total: added.length });
    }
    setProgress(null);
  }, [upload]);

  /** A PDF or Word file as evidence (claims only): chosen from a chat or the file system, uploaded as it is. */
  const addDocument = useCallback(async () => {
    if (count.current >= MAX_PHOTOS) return;
    setPickError(null);
    let picked: PickedDocument | null;
    try {
      picked = await pickDocument(EVIDENCE_DOCUMENTS);
    } catch (error) {
      setPickError(messageOf(error));
      return;
    }
    if (!picked) return;
    photoCounter += 1;
    const added = { localId: `doc${Date.now().toString(36)}${photoCounter}`, path: picked.path, name: picked.name, size: picked.size };
    setPhotos((current) => [...current, { ...added, fileId: null, state: 'uploading' }]);
    await upload(added);
  }, [upload]);

  const retry = useCallback(
    (localId: string) => {
      const photo = photos.find((item) => item.localId === localId);
      if (photo) void upload(photo);
    },
    [photos, upload],
  );

  const remove = useCallback((localId: string) => {
    setPhotos((current) => current.filter((photo) => photo.localId !== localId));
  }, []);

  const clear = useCallback(() => setPhotos([]), []);

  /** Why the photos cannot be sent yet (still uploading, or an upload failed); null when they can. */
  const uploadProblem = (): string | null => {
    if (photos.some((photo) => photo.state === 'uploading')) return '照片仍在上传，请稍候';
    if (photos.some((photo) => photo.state === 'failed')) return '有照片上传失败，请点击照片重试或删除';
    return null;
  };

  return { photos, progress, pickError, addPhotos, addDocument, retry, remove, clear, uploadProblem };
}
