// WeChat content security for what others will read. Text is checked (msgSecCheck) before it is saved;
// photos are sent to the asynchronous media check and stay "pending" until WeChat pushes the verdict.
// Flagged content is never dropped: it is stored, marked "held" with the reason, and shown to the
// secretariat, who may release it. Handlers call this module in one line each.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/core/errors';
import { storagePathOf } from '@/core/evidence/file-ids';
import { maySeeApplication } from '@/core/policy/visibility';
import type { Application, MediaCheck, Moderation, ModerationCheck } from '@/core/schemas/documents';
import { writeAudit, type AuditActor } from './audit';
import type { Caller } from './context';
import type { ContentScene, ContentSuggest, Deps, StoreReader, StoreTx, TextVerdict } from './ports';
import { retryingRaces } from './races';

type Status = ModerationCheck['status'];

/** WeChat's labels, in the words the secretariat reads. */
const labelNames: Record<string, string> = {
  '10001': '广告',
  '20001': '时政',
  '20002': '色情',
  '20003': '辱骂',
  '20006': '违法犯罪',
  '20008': '欺诈',
  '20012': '低俗',
  '20013': '版权',
  '21000': '其他',
};

/** WeChat checks at most 2,500 characters at a time. */
const TEXT_LIMIT = 2500;
/** How long WeChat may take to fetch a photo it was asked to check. */
const MEDIA_LINK_SECONDS = 60 * 60;
const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|bmp|webp|heic)$/i;
const severity: Record<ContentSuggest, number> = { pass: 0, review: 1, risky: 2 };
const statusRank: Record<Status, number> = { pass: 0, pending: 1, held: 2 };

export function reasonOf(suggest: ContentSuggest, label: string | null): string {
  const name = label ? (labelNames[label] ?? `标签 ${label}`) : '';
  return suggest === 'risky' ? `疑似违规内容（${name || '未分类'}）` : `需人工复核（${name || '未分类'}）`;
}

function verdictReason(verdict: TextVerdict): string | null {
  if (verdict.suggest === 'pass') return null;
  return verdict.detail ?? reasonOf(verdict.suggest, verdict.label);
}

/** Splits text into pieces WeChat accepts, counting characters as WeChat does (code points, not UTF-16 units). */
export function textChunks(parts: readonly string[]): string[] {
  const characters = Array.from(
    parts
      .map((part) => part.trim())
      .filter(Boolean)
      .join('\n'),
  );
  const chunks: string[] = [];
  for (let start = 0; start < characters.length; start += TEXT_LIMIT) chunks.push(characters.slice(start, start + TEXT_LIMIT).join(''));
  return chunks;
}

/** Checks all the text of one subject; the worst verdict of its pieces stands. */
async function checkText(deps: Deps, openid: string | null, scene: ContentScene, parts: readonly string[]): Promise<TextVerdict> {
  const verdicts = await Promise.all(textChunks(parts).map((content) => deps.contentCheck.checkText({ openid, scene, content })));
  return verdicts.reduce<TextVerdict>((worst, verdict) => (severity[verdict.suggest] > severity[worst.suggest] ? verdict : worst), {
    suggest: 'pass',
    label: null,
    detail: null,
  });
}

/** What a screening found: the checks to record on the document and the media checks it started. */
export interface Screening {
  checks: ModerationCheck[];
  media: MediaCheck[];
  /** When set, earlier checks of other subjects are dropped (a photo taken out of a resubmitted application). */
  keep?: ReadonlySet<string>;
}

interface ScreeningRequest {
  openid: string | null;
  scene: ContentScene;
  now: Date;
  text?: { subject: string; parts: readonly string[] };
  /** Photos attached to a record; files already sent for this record are not sent again. */
  files?: { fileIds: readonly string[]; entity: MediaCheck['entity']; entityId: string; applicationId: string };
}

export function mediaCheckId(entityId: string, fileId: string): string {
  return `media_${createHash('sha256').update(`${entityId}\n${fileId}`).digest('hex').slice(0, 40)}`;
}

function isImage(fileId: string): boolean {
  return IMAGE_EXTENSIONS.test(storagePathOf(fileId) ?? '');
}

async function startMediaCheck(deps: Deps, request: ScreeningRequest, fileId: string): Promise<MediaCheck | null> {
  const files = request.files!;
  const id = mediaCheckId(files.entityId, fileId);
  if (await deps.store.get('mediaChecks', id)) return null;
  const mediaUrl = await deps.files.temporaryUrl(fileId, MEDIA_LINK_SECONDS).catch(() => null);
  const started = mediaUrl
    ? await deps.contentCheck.startMediaCheck({ openid: request.openid, scene: request.scene, fileId, mediaUrl })
    : ({ traceId: null, detail: '图片安全检测未能发起（无法生成图片链接）' } as const);
  const stamp = request.now.toISOString();
  return {
    _id: id,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    traceId: started.traceId,
    fileId,
    entity: files.entity,
    entityId: files.entityId,
    applicationId: files.applicationId,
    // A check WeChat would not start is held, never passed unchecked.
    status: started.traceId ? 'pending' : 'held',
    reason: started.traceId === null ? started.detail : null,
  };
}

/** Checks a record's text at once and starts the media check of each new photo; call before the transaction. */
export async function screen(deps: Deps, request: ScreeningRequest): Promise<Screening> {
  const checkedAt = request.now.toISOString();
  const checks: ModerationCheck[] = [];
  if (request.text) {
    const verdict = await checkText(deps, request.openid, request.scene, request.text.parts);
    const reason = verdictReason(verdict);
    checks.push({ subject: request.text.subject, status: reason ? 'held' : 'pass', reason, checkedAt });
  }
  const media: MediaCheck[] = [];
  for (const fileId of new Set((request.files?.fileIds ?? []).filter(isImage))) {
    const started = await startMediaCheck(deps, request, fileId);
    if (!started) continue;
    media.push(started);
    checks.push({ subject: fileId, status: started.status, reason: started.reason, checkedAt });
  }
  return { checks, media };
}

function worst(checks: readonly ModerationCheck[]): Status {
  return checks.reduce<Status>((status, check) => (statusRank[check.status] > statusRank[status] ? check.status : status), 'pass');
}

/** The record's moderation with these checks in place of earlier ones of the same subject. */
export function moderationOf(previous: Moderation | undefined, screening: Pick<Screening, 'checks' | 'keep'>): Moderation | undefined {
  if (!previous && screening.checks.length === 0) return undefined;
  const subjects = new Set(screening.checks.map((check) => check.subject));
  const earlier = (previous?.checks ?? []).filter((check) => !subjects.has(check.subject) && (screening.keep?.has(check.subject) ?? true));
  const checks = [...earlier, ...screening.checks];
  return { status: worst(checks), checks, released: previous?.released ?? null };
}

/** Inside the record's transaction: stores the started media checks and answers the record's moderation. */
export async function recordScreening(
  tx: StoreTx,
  previous: Moderation | undefined,
  screening: Screening,
): Promise<Moderation | undefined> {
  for (const check of screening.media) await tx.create('mediaChecks', check);
  return moderationOf(previous, screening);
}

const authorOf = (caller: Caller) => caller.user.openid;

/** Everything in an application that a reviewer or the public notice shows, checked when it is submitted. */
export async function screenApplication(deps: Deps, caller: Caller, application: Application, now: Date): Promise<Screening> {
  const parts = [
    application.projectName,
    application.servicePoint,
    ...Object.values(application.sections),
    ...application.budget.flatMap((line) => [line.item, line.basis]),
    ...application.schedule.flatMap((row) => [row.phase, row.work, row.owner]),
    ...application.team.flatMap((member) => [member.name, member.title, member.employer, member.task]),
    ...application.attachments.map((attachment) => attachment.name),
    application.declaration?.signerName ?? '',
  ];
  const fileIds = application.attachments.map((attachment) => attachment.fileId);
  const screening = await screen(deps, {
    openid: authorOf(caller),
    scene: 3,
    now,
    text: { subject: 'text', parts },
    files: { fileIds, ...ownedBy(application) },
  });
  // Reports come after approval, so at (re)submission the application's checks are its text and attachments.
  return { ...screening, keep: new Set(['text', ...fileIds]) };
}

function ownedBy(application: Application) {
  return { entity: 'application' as const, entityId: application._id, applicationId: application._id };
}

export function screenReport(
  deps: Deps,
  caller: Caller,
  application: Application,
  slot: string,
  report: { summary: string; fileIds: readonly string[] },
  now: Date,
) {
  return screen(deps, {
    openid: authorOf(caller),
    scene: 3,
    now,
    text: { subject: `report:${slot}`, parts: [report.summary] },
    files: { fileIds: report.fileIds, ...ownedBy(application) },
  });
}

export function screenClaim(
  deps: Deps,
  caller: Caller,
  claim: { _id: string; applicationId: string; description: string; fileIds: readonly string[] },
  now: Date,
) {
  return screen(deps, {
    openid: authorOf(caller),
    scene: 3,
    now,
    text: { subject: 'text', parts: [claim.description] },
    files: { fileIds: claim.fileIds, entity: 'claim', entityId: claim._id, applicationId: claim.applicationId },
  });
}

/** A public objection: its author is whoever the platform says is calling (null on a page opened outside WeChat). */
export function screenObjection(deps: Deps, openid: string | null, objection: { content: string; contactName: string }, now: Date) {
  return screen(deps, { openid, scene: 2, now, text: { subject: 'text', parts: [objection.content, objection.contactName] } });
}

/** The secretariat writes a public notice itself: flagged wording is refused with the reason, to be rewritten. */
export async function requireCleanNotice(deps: Deps, caller: Caller, notice: { title: string; contact: string }): Promise<void> {
  const verdict = await checkText(deps, authorOf(caller), 3, [notice.title, notice.contact]);
  const reason = verdictReason(verdict);
  if (reason) throw new AppError('CONTENT_REJECTED', reason);
}

export function isHeld(record: { moderation?: Moderation }): boolean {
  return record.moderation?.status === 'held';
}

/** Shortlisted applications that may go on a public notice: none whose content is held. */
export function publishable(applications: Application[]): Application[] {
  const clean = applications.filter((application) => !isHeld(application));
  if (applications.length > 0 && clean.length === 0) throw new AppError('NOTHING_TO_PUBLISH', '拟立项项目的内容均在审核中，请先处理');
  return clean;
}

/** A reviewer reads an application only once nothing in it is held. */
export function requireNotHeld(application: Application): void {
  if (isHeld(application)) throw new AppError('CONTENT_HELD');
}

/**
 * A photo still being checked, or held, is shown only to the unit that uploaded it and to the secretariat
 * (who must verify evidence and decide on held content); anyone else — a reviewer — waits for a pass.
 */
export async function requireFileVisible(store: StoreReader, caller: Caller, application: Application, fileId: string): Promise<void> {
  if (maySeeApplication(caller.user, application)) return;
  const checks = await store.find('mediaChecks', { fileId });
  if (checks.some((check) => check.status !== 'pass')) throw new AppError('CONTENT_HELD');
}

const mediaCheckEvent = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.union([z.number(), z.string()]) }),
});

/** Whether an event given to the function is WeChat's push of a media check verdict (not a client's call). */
export function isMediaCheckEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check';
}

const wechat: AuditActor = { userId: 'system', name: '微信内容安全', role: 'system' };

export type ModeratedEntity = 'application' | 'claim' | 'objection';
const collectionOf = { application: 'applications', claim: 'claims', objection: 'objections' } as const;

/**
 * Changes the moderation of one record inside a transaction, as a new version with its audit entry.
 * expectedVersion: the version the person saw (null for WeChat's push, which acts on whatever is current).
 */
export async function changeModeration(
  tx: StoreTx,
  deps: Deps,
  target: { entity: ModeratedEntity; id: string; expectedVersion: number | null },
  change: (checks: ModerationCheck[]) => { checks: ModerationCheck[]; released?: Moderation['released'] },
  audit: { action: string; from: string; to: string; reason: string | null; actor: AuditActor; now: Date },
): Promise<{ version: number; moderation: Moderation } | null> {
  const collection = collectionOf[target.entity];
  const owner = await tx.get(collection, target.id);
  if (!owner) return null;
  if (target.expectedVersion !== null && owner.version !== target.expectedVersion) throw new AppError('CONFLICT');
  const changed = change(owner.moderation?.checks ?? []);
  const moderation: Moderation = {
    status: worst(changed.checks),
    checks: changed.checks,
    released: changed.released ?? owner.moderation?.released ?? null,
  };
  const version = owner.version + 1;
  await tx.replace(collection, { ...owner, moderation, version, updatedAt: audit.now.toISOString() } as never, owner.version);
  const { actor, now, ...record } = audit;
  await writeAudit(tx, [record], { entity: target.entity, id: owner._id, version }, actor, now, deps.newId);
  return { version, moderation };
}

/**
 * Waits before each further look for a verdict's check: a check is started just before the transaction that stores
 * it, so WeChat's verdict can arrive before that transaction has committed (reads see only what is committed).
 */
const VERDICT_WAITS_MS = [25, 50, 100, 200, 400, 800];

/** The check a verdict is for, looked for again for a moment while it may still be on its way to the store. */
async function checkOfTrace(deps: Deps, traceId: string): Promise<MediaCheck | null> {
  for (const wait of [0, ...VERDICT_WAITS_MS]) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const [found] = await deps.store.find('mediaChecks', { traceId }, { limit: 1 });
    if (found) return found;
  }
  return null;
}

/**
 * WeChat's verdict on a photo (message push `wxa_media_check` to the function): the photo passes or is
 * held, on its media check and on the record it belongs to. Only a trace id the function started and that
 * is still pending is accepted, so a repeated push, or a forged one, changes nothing.
 */
export async function receiveMediaCheck(deps: Deps, event: unknown): Promise<{ updated: boolean }> {
  const parsed = mediaCheckEvent.safeParse(event);
  if (!parsed.success) return { updated: false };
  const { trace_id: traceId, result } = parsed.data;
  const found = await checkOfTrace(deps, traceId);
  if (!found || found.status !== 'pending') return { updated: false };
  const now = deps.clock.now();
  const status: Status = result.suggest === 'pass' ? 'pass' : 'held';
  const reason = status === 'pass' ? null : reasonOf(result.suggest, String(result.label));
  return retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const check = await tx.get('mediaChecks', found._id);
      if (!check || check.status !== 'pending') return { updated: false };
      await tx.replace(
        'mediaChecks',
        { ...check, status, reason, version: check.version + 1, updatedAt: now.toISOString() },
        check.version,
      );
      const checkedAt = now.toISOString();
      await changeModeration(
        tx,
        deps,
        { entity: check.entity, id: check.entityId, expectedVersion: null },
        (checks) => ({ checks: checks.map((entry) => (entry.subject === check.fileId ? { ...entry, status, reason, checkedAt } : entry)) }),
        { action: 'mediaCheck', from: 'pending', to: status, reason, actor: wechat, now },
      );
      return { updated: true };
    }),
  );
}
