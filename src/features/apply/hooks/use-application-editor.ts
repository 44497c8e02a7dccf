// The application form's state: loads the server copy, keeps every keystroke in local storage, restores
// unsaved text, creates the draft once (idempotent requestId), saves by version and submits.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApplicationContent } from '@/core/application/rules';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { ApiError, call, messageOf } from '@/lib/api';
import { dropLocalDraft, loadLocalDraft, newRequestId, saveLocalDraft } from '@/lib/drafts';
import {
  checkForm,
  emptyBudgetLine,
  emptyCommitment,
  emptyForm,
  formFromContent,
  sameContent,
  type ApplicationFormValues,
  type BudgetLineDraft,
  type CommitmentDraft,
  type FormCheck,
} from '../application-form';

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
  const [form, setForm] = useState<ApplicationFormValues>(emptyForm);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
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
        const detail = await call('application.get', { applicationId: existingId });
        const local = loadLocalDraft<StoredDraft>(draftKey(existingId, null));
        const editable = detail.application.availableActions.includes('save');
        setProgram(detail.program);
        setApplication(detail.application);
        if (editable && local?.dirty) {
          setForm(local.form);
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
          setForm(formFromContent(detail.application));
          setDirty(false);
        }
      } else if (target.programId) {
        const loaded = await call('program.get', { programId: target.programId });
        const local = loadLocalDraft<StoredDraft>(draftKey(null, target.programId));
        setProgram(loaded);
        setApplication(null);
        requestId.current = local?.requestId ?? newRequestId();
        if (local) {
          setForm(local.form);
          setDirty(local.dirty);
          if (local.dirty) setNotice({ kind: 'info', text: '已恢复未保存的内容' });
        } else {
          setForm(emptyForm());
          setDirty(false);
        }
      } else {
        throw new ApiError('INVALID_INPUT', '缺少申报编号，请从“我的申报”进入');
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
    if (!dirty || loading) return;
    const stored: StoredDraft = {
      form,
      requestId: requestId.current,
      baseVersion: application?.version ?? null,
      dirty: true,
      savedAt: Date.now(),
    };
    saveLocalDraft(key, stored);
  }, [form, dirty, loading, key, application?.version]);

  const check: FormCheck | null = useMemo(() => (program ? checkForm(program, form) : null), [program, form]);

  const edit = useCallback((change: (current: ApplicationFormValues) => ApplicationFormValues) => {
    revision.current += 1;
    setForm(change);
    setDirty(true);
  }, []);

  const actions = useMemo(
    () => ({
      setProjectName: (projectName: string) => edit((current) => ({ ...current, projectName })),
      setPlan: (plan: string) => edit((current) => ({ ...current, plan })),
      addBudgetLine: () => edit((current) => ({ ...current, budget: [...current.budget, emptyBudgetLine()] })),
      removeBudgetLine: (rowId: string) =>
        edit((current) => ({ ...current, budget: current.budget.filter((line) => line.rowId !== rowId) })),
      updateBudgetLine: (rowId: string, patch: Partial<Omit<BudgetLineDraft, 'rowId'>>) =>
        edit((current) => ({
          ...current,
          budget: current.budget.map((line) => (line.rowId === rowId ? { ...line, ...patch } : line)),
        })),
      addCommitment: (indicatorKey = '') =>
        edit((current) => ({ ...current, commitments: [...current.commitments, emptyCommitment(indicatorKey)] })),
      removeCommitment: (rowId: string) =>
        edit((current) => ({
          ...current,
          commitments: current.commitments.filter((commitment) => commitment.rowId !== rowId),
        })),
      updateCommitment: (rowId: string, patch: Partial<Omit<CommitmentDraft, 'rowId'>>) =>
        edit((current) => ({
          ...current,
          commitments: current.commitments.map((commitment) => (commitment.rowId === rowId ? { ...commitment, ...patch } : commitment)),
        })),
    }),
    [edit],
  );

  const reportFailure = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === 'CONFLICT') {
      setNotice({ kind: 'conflict', text: '内容已被修改，请刷新。您在本机填写的内容已保留。' });
    } else {
      setNotice({ kind: 'error', text: messageOf(error) });
    }
  }, []);

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
          form,
          requestId: firstRequestId,
          baseVersion: null,
          dirty: true,
          savedAt: Date.now(),
        } satisfies StoredDraft);
        saved = await call('application.create', { programId, requestId: firstRequestId, content });
        // A retried create answers with the copy made the first time; bring it up to date.
        if (!sameContent(saved, content)) {
          saved = await call('application.save', { applicationId: saved._id, version: saved.version, content });
        }
        dropLocalDraft(draftKey(null, programId));
        requestId.current = null;
        knownId.current = saved._id;
      } else {
        saved = await call('application.save', { applicationId: application._id, version: application.version, content });
      }
      setApplication(saved);
      if (revision.current === startedAt) {
        dropLocalDraft(draftKey(saved._id, null));
        setDirty(false);
      }
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
  const save = useCallback(async (): Promise<ApplicationView | null> => {
    if (!check || busy) return null;
    if (blockedNotice(check)) return null;
    setBusy('save');
    setNotice(null);
    try {
      return await persist(check.content);
    } catch (error) {
      reportFailure(error);
      return null;
    } finally {
      setBusy(null);
    }
  }, [check, busy, blockedNotice, persist, reportFailure]);

  /** Whether the form may be submitted as it stands; explains why not in the notice area. */
  const readyToSubmit = useCallback((): boolean => {
    if (!check || busy) return false;
    if (blockedNotice(check)) return false;
    if (check.missing.length > 0) {
      setNotice({ kind: 'error', text: '提交前请填写：', items: check.missing });
      return false;
    }
    return true;
  }, [check, busy, blockedNotice]);

  /** Saves unsaved text first, then submits the version just saved. Resolves to the submitted view. */
  const submit = useCallback(async (): Promise<ApplicationView | null> => {
    if (!check || !readyToSubmit()) return null;
    setBusy('submit');
    setNotice(null);
    try {
      const current = !application || dirty ? await persist(check.content) : application;
      const submitted = await call('application.submit', { applicationId: current._id, version: current.version });
      setApplication(submitted);
      return submitted;
    } catch (error) {
      reportFailure(error);
      return null;
    } finally {
      setBusy(null);
    }
  }, [check, readyToSubmit, application, dirty, persist, reportFailure]);

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
    busy,
    notice,
    dismissNotice: () => setNotice(null),
    actions,
    save,
    readyToSubmit,
    submit,
    discardLocal,
  };
}

export type ApplicationEditor = ReturnType<typeof useApplicationEditor>;
