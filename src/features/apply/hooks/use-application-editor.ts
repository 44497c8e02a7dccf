// The application form's state: loads the server copy, keeps every keystroke in local storage, restores
// unsaved text, creates the draft once (idempotent requestId), saves by version, submits and withdraws.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApplicationContent } from '@/core/application/rules';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { ApiError, messageOf } from '@/lib/api-error';
import { dropLocalDraft, loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import { showMessage } from '@/lib/feedback';
import { pickDocument, uploadAttachment } from '@/lib/upload';
import {
  checkForm,
  emptyBudgetLine,
  emptyCommitment,
  emptyForm,
  emptyScheduleRow,
  emptyTeamMember,
  formFromContent,
  normalizeForm,
  sameContent,
  type ApplicationFormValues,
  type BudgetLineDraft,
  type CommitmentDraft,
  type FormCheck,
  type ScheduleRowDraft,
  type TeamMemberDraft,
} from '../application-form';
import { getApplication, getProgram } from '@/features/common/api/shared';
import { useAction } from '@/features/common/use-action';
import { createApplication, saveApplication, submitApplication, withdrawApplication } from '../api/applications';
import { MISSING_ID_MESSAGE } from './use-own-application';

/** What is kept on the phone between visits. */
interface StoredDraft {
  form: ApplicationFormValues;
  /** The idempotency key of the first create; kept so a retry after a lost answer creates nothing new. */
  requestId: string | null;
  /** The server version the text was based on. */
  baseVersion: number | null;
  dirty: boolean;
  savedAt: number;
}

export type EditorNotice =
  { kind: 'error'; text: string; items?: string[] } | { kind: 'conflict'; text: string } | { kind: 'info'; text: string };

/** Which of the form's calls runs (its button spins). */
export type EditorCall = 'save' | 'submit' | 'withdraw';

export interface EditorTarget {
  applicationId?: string;
  programId?: string;
}

function draftKey(applicationId: string | null, programId: string | null): string {
  return applicationId ? `app:${applicationId}` : `new:${programId ?? ''}`;
}

export function useApplicationEditor(target: EditorTarget) {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [program, setProgram] = useState<ProgramView | null>(null);
  const [application, setApplication] = useState<ApplicationView | null>(null);
  const [form, setForm] = useState<ApplicationFormValues | null>(null);
  const [submitIssues, setSubmitIssues] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const requestId = useRef<string | null>(null);
  // Counts edits, so a save that finishes while the person keeps typing does not mark newer text as saved.
  const revision = useRef(0);
  // The application being edited: given by the route, or known once the first save has created it.
  const knownId = useRef<string | null>(target.applicationId ?? null);

  const applicationId = application?._id ?? target.applicationId ?? null;
  const programId = application?.programId ?? target.programId ?? null;
  const key = draftKey(applicationId, programId);

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    setNotice(null);
    try {
      const existingId = knownId.current;
      if (existingId) {
        const detail = await getApplication({ applicationId: existingId });
        const local = loadLocalDraft<StoredDraft>(draftKey(existingId, null));
        const editable = detail.application.availableActions.includes('save');
        setProgram(detail.program);
        setApplication(detail.application);
        setSubmitIssues(detail.submitIssues);
        if (editable && local?.dirty) {
          setForm(normalizeForm(detail.program, local.form));
          setDirty(true);
          setNotice({
            kind: 'info',
            text:
              local.baseVersion !== null && local.baseVersion !== detail.application.version
                ? '已恢复未保存的内容（服务器上的申报书已有更新，保存后将以本机内容为准）'
                : '已恢复未保存的内容',
          });
        } else {
          // Text typed for a status that can no longer be edited would only come back later as a surprise.
          if (local && !editable) dropLocalDraft(draftKey(existingId, null));
          setForm(formFromContent(detail.program, detail.application));
          setDirty(false);
        }
      } else if (target.programId) {
        const loaded = await getProgram({ programId: target.programId });
        const local = loadLocalDraft<StoredDraft>(draftKey(null, target.programId));
        setProgram(loaded);
        setApplication(null);
        setSubmitIssues([]);
        requestId.current = local?.requestId ?? newRequestId();
        if (local) {
          setForm(normalizeForm(loaded, local.form));
          setDirty(local.dirty);
          if (local.dirty) setNotice({ kind: 'info', text: '已恢复未保存的内容' });
        } else {
          setForm(emptyForm(loaded));
          setDirty(false);
        }
      } else {
        throw new ApiError('INVALID_INPUT', MISSING_ID_MESSAGE);
      }
    } catch (error) {
      setLoadError(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [target.programId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Every change goes to local storage at once: a closed page or a dropped signal loses nothing.
  useEffect(() => {
    if (!dirty || loading || !form) return;
    const stored: StoredDraft = {
      form,
      requestId: requestId.current,
      baseVersion: application?.version ?? null,
      dirty: true,
      savedAt: Date.now(),
    };
    saveLocalDraft(key, stored);
  }, [form, dirty, loading, key, application?.version]);

  const check: FormCheck | null = useMemo(() => (program && form ? checkForm(program, form) : null), [program, form]);

  const edit = useCallback((change: (current: ApplicationFormValues) => ApplicationFormValues) => {
    revision.current += 1;
    setForm((current) => (current ? change(current) : current));
    setDirty(true);
  }, []);

  const actions = useMemo(() => {
    /** Add, remove and change rows of one of the form's tables. */
    function table<F extends 'budget' | 'schedule' | 'team' | 'commitments', R extends ApplicationFormValues[F][number]>(
      field: F,
      blank: () => R,
    ) {
      const rows = (current: ApplicationFormValues) => current[field] as R[];
      return {
        add: () => edit((current) => ({ ...current, [field]: [...rows(current), blank()] })),
        remove: (rowId: string) => edit((current) => ({ ...current, [field]: rows(current).filter((row) => row.rowId !== rowId) })),
        update: (rowId: string, patch: Partial<Omit<R, 'rowId'>>) =>
          edit((current) => ({ ...current, [field]: rows(current).map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)) })),
      };
    }
    return {
      setCategory: (categoryKey: string) => edit((current) => ({ ...current, categoryKey, subtypeKey: null })),
      setSubtype: (subtypeKey: string | null) => edit((current) => ({ ...current, subtypeKey })),
      setServicePoint: (servicePoint: string) => edit((current) => ({ ...current, servicePoint })),
      setProjectName: (projectName: string) => edit((current) => ({ ...current, projectName })),
      setSection: (sectionKey: string, text: string) =>
        edit((current) => ({ ...current, sections: { ...current.sections, [sectionKey]: text } })),
      budget: table<'budget', BudgetLineDraft>('budget', emptyBudgetLine),
      schedule: table<'schedule', ScheduleRowDraft>('schedule', emptyScheduleRow),
      team: table<'team', TeamMemberDraft>('team', emptyTeamMember),
      commitments: table<'commitments', CommitmentDraft>('commitments', emptyCommitment),
      removeAttachment: (fileId: string) =>
        edit((current) => ({ ...current, attachments: current.attachments.filter((attachment) => attachment.fileId !== fileId) })),
      setSignerName: (signerName: string) => edit((current) => ({ ...current, signerName })),
      setAgreed: (agreed: boolean) => edit((current) => ({ ...current, agreed })),
    };
  }, [edit]);

  const reportFailure = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === 'CONFLICT') {
      setNotice({ kind: 'conflict', text: '内容已被修改，请刷新。您在本机填写的内容已保留。' });
    } else {
      setNotice({ kind: 'error', text: messageOf(error) });
    }
  }, []);
  // A failed call leaves the form as typed (and kept on the phone); the notice says why, a toast too.
  const calls = useAction<EditorCall>({ toast: showMessage, failed: reportFailure });
  const busy = calls.running;
  // An attachment being uploaded (its key labels the call).
  const uploads = useAction({ toast: showMessage, failed: reportFailure });
  const uploading = uploads.running;

  /** Sends the content to the server: create on the first save, save by version afterwards. */
  const persist = useCallback(
    async (content: ApplicationContent): Promise<ApplicationView> => {
      const startedAt = revision.current;
      let saved: ApplicationView;
      if (!application) {
        if (!programId) throw new ApiError('INVALID_INPUT', '缺少项目编号');
        const firstRequestId = requestId.current ?? newRequestId();
        requestId.current = firstRequestId;
        // The key must be on the phone before the request leaves, or a retry could create a second draft.
        saveLocalDraft(draftKey(null, programId), {
          form: form as ApplicationFormValues,
          requestId: firstRequestId,
          baseVersion: null,
          dirty: true,
          savedAt: Date.now(),
        } satisfies StoredDraft);
        saved = await createApplication({ programId, requestId: firstRequestId, content });
        // A retried create answers with the copy made the first time; bring it up to date.
        if (!sameContent(saved, content)) {
          saved = await saveApplication({ applicationId: saved._id, version: saved.version, content });
        }
        dropLocalDraft(draftKey(null, programId));
        requestId.current = null;
        knownId.current = saved._id;
      } else {
        saved = await saveApplication({ applicationId: application._id, version: application.version, content });
      }
      setApplication(saved);
      if (revision.current === startedAt) {
        dropLocalDraft(draftKey(saved._id, null));
        setDirty(false);
      }
      // What submit would refuse depends on the saved content (service point, limits): ask again, quietly.
      getApplication({ applicationId: saved._id }).then(
        (detail) => setSubmitIssues(detail.submitIssues),
        () => undefined,
      );
      return saved;
    },
    [application, programId, form],
  );

  const blockedNotice = useCallback((current: FormCheck): boolean => {
    if (current.blocking.length === 0) return false;
    setNotice({ kind: 'error', text: '请先修改以下内容：', items: current.blocking });
    return true;
  }, []);

  /** Resolves to the saved view, or null when the save was blocked or failed (the notice says why). */
  const { run } = calls;
  const save = useCallback(async (): Promise<ApplicationView | null> => {
    if (!check || busy) return null;
    if (blockedNotice(check)) return null;
    return run(() => {
      setNotice(null);
      return persist(check.content);
    }, 'save');
  }, [check, busy, blockedNotice, persist, run]);

  /** Whether the form may be submitted as it stands; explains why not in the notice area. */
  const readyToSubmit = useCallback((): boolean => {
    if (!check || busy) return false;
    if (blockedNotice(check)) return false;
    if (check.missing.length > 0) {
      setNotice({ kind: 'error', text: '提交前请填写：', items: check.missing });
      return false;
    }
    // Known to the server only for saved content; unsaved edits may have fixed them, so the server decides.
    if (submitIssues.length > 0 && !dirty) {
      setNotice({ kind: 'error', text: '当前不能提交：', items: submitIssues });
      return false;
    }
    return true;
  }, [check, busy, blockedNotice, submitIssues, dirty]);

  /** Saves unsaved text first, then submits the version just saved. Resolves to the submitted view. */
  const submit = useCallback(async (): Promise<ApplicationView | null> => {
    if (!check || !readyToSubmit()) return null;
    const submitted = await run(async () => {
      setNotice(null);
      const current = !application || dirty ? await persist(check.content) : application;
      return submitApplication({ applicationId: current._id, version: current.version });
    }, 'submit');
    if (submitted) setApplication(submitted);
    return submitted;
  }, [check, readyToSubmit, application, dirty, persist, run]);

  /** Withdraws a submitted application (the caller confirms first). */
  const withdraw = useCallback(async (): Promise<ApplicationView | null> => {
    if (!application || busy) return null;
    const withdrawn = await run(() => {
      setNotice(null);
      return withdrawApplication({ applicationId: application._id, version: application.version });
    }, 'withdraw');
    if (!withdrawn) return null;
    setApplication(withdrawn);
    dropLocalDraft(draftKey(withdrawn._id, null));
    setDirty(false);
    return withdrawn;
  }, [application, busy, run]);

  /** Chooses a file for one of the form's attachments and uploads it into the application's folder. */
  const { run: runUpload } = uploads;
  const addAttachment = useCallback(
    async (attachmentKey: string) => {
      if (!application || uploading) return;
      setNotice(null);
      // Choosing is not busy (a closed chooser may never answer); a failure to open it is shown like any other.
      const picked = await pickDocument().catch((error: unknown) => {
        reportFailure(error);
        return null;
      });
      if (!picked) return;
      const fileId = await runUpload(() => uploadAttachment(application._id, picked), attachmentKey);
      if (!fileId) return;
      const name = Array.from(picked.name.trim() || '附件')
        .slice(-80)
        .join('');
      edit((current) => ({ ...current, attachments: [...current.attachments, { key: attachmentKey, fileId, name }] }));
    },
    [application, uploading, edit, reportFailure, runUpload],
  );

  /** Throws away the text kept on this phone and shows the server copy. */
  const discardLocal = useCallback(async () => {
    dropLocalDraft(key);
    setDirty(false);
    await load();
  }, [key, load]);

  return {
    loading,
    loadError,
    reload: load,
    program,
    application,
    form,
    dirty,
    check,
    submitIssues,
    busy,
    uploading,
    notice,
    dismissNotice: () => setNotice(null),
    actions,
    save,
    readyToSubmit,
    submit,
    withdraw,
    addAttachment,
    discardLocal,
  };
}

export type ApplicationEditor = ReturnType<typeof useApplicationEditor>;
