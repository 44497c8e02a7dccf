// In-app messages, written in the same transaction as the change they report, and the WeChat subscribe
// message sent for each afterwards (only to people who gave a one-time consent left to use).
import { mayAct } from '@/core/people/manages';
import type { Application, AuditEntry, Notification, Program, User } from '@/core/schemas/documents';
import { systemActor, type Effect } from '@/core/workflow/transition';
import { statusChangeMessage, type MessageFacts } from '@/core/workflow/messages';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { writeAudit } from './audit';
import { byIds } from './loaders';
import type { Deps, StoreReader, StoreTx, SubscribeTemplate } from './ports';

export const pages = {
  applicant: (applicationId: string) => `/apply/pages/mine/index?focus=${applicationId}`,
  secretariat: (applicationId: string) => `/admin/pages/detail/index?id=${applicationId}`,
  reviewer: () => '/review/pages/queue/index',
} as const;

/** Whom an audience means for one application: the people of one organisation, in one role. */
interface AudienceRequest {
  audience: 'applicant' | 'secretariat';
  subject: { orgId: string };
  program: Pick<Program, 'societyId'>;
}

const audienceOrg = ({ audience, subject, program }: AudienceRequest) => (audience === 'applicant' ? subject.orgId : program.societyId);
const inAudience = (audience: AudienceRequest['audience'], user: User) => mayAct(user) && user.role === audience;

/** The people an audience means for one application. */
export async function audienceUsers(
  store: Pick<StoreReader, 'find'>,
  audience: 'applicant' | 'secretariat',
  subject: { orgId: string },
  program: Pick<Program, 'societyId'>,
): Promise<User[]> {
  return (await audiencesOf(store, [{ audience, subject, program }]))[0]!;
}

/** The people of each audience, for many at once: one read of the users of every organisation they name. */
export async function audiencesOf(store: Pick<StoreReader, 'find'>, requests: readonly AudienceRequest[]): Promise<User[][]> {
  const orgIds = [...new Set(requests.map(audienceOrg))];
  // One organisation is asked for by equality, the query a batch run's cache answers (award-change.ts cachedReader).
  const users = await store.find('users', { orgId: orgIds.length === 1 ? orgIds[0]! : { in: orgIds } });
  return requests.map((request) => users.filter((user) => user.orgId === audienceOrg(request) && inAudience(request.audience, user)));
}

export interface MessageDraft {
  userId: string;
  programId: string | null;
  applicationId: string | null;
  title: string;
  body: string;
  page: string | null;
  /** Shown in the app only: no WeChat subscribe message is sent for it (a receipt of one's own action). */
  inAppOnly?: boolean;
}

/** How a message shown in the app only is recorded: no subscribe message, and why. */
const inAppOnly: NonNullable<Notification['subscribe']> = {
  templateKey: 'statusChange',
  result: 'skipped',
  detail: '回执仅在站内消息中显示',
};

export async function writeNotifications(
  tx: StoreTx,
  drafts: readonly MessageDraft[],
  now: Date,
  newId: () => string,
  idOf?: (draft: MessageDraft) => string,
  /** The subscribe message's fate when it is known already (skipped: no consent), recorded with the message. */
  subscribeOf?: (draft: MessageDraft) => Notification['subscribe'],
  /**
   * 'own': each message gets its `notify` entry; 'change': the caller names them in the entry of the change that
   * sent them (notifiedIn below; award-change.ts), so a message costs one write, not two.
   */
  audited: 'own' | 'change' = 'own',
): Promise<Notification[]> {
  const written: Notification[] = [];
  for (const draft of drafts) {
    const { inAppOnly: appOnly, ...fields } = draft;
    const notification: Notification = {
      _id: idOf ? idOf(draft) : newId(),
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ...fields,
      readAt: null,
      subscribe: appOnly ? inAppOnly : (subscribeOf?.(draft) ?? null),
    };
    if (idOf && (await tx.get('notifications', notification._id))) continue;
    await tx.create('notifications', notification);
    // The system composes every message (the change that caused it has its own entry, with its person). A subscribe
    // message's fate known already (skipped) is said in the same entry: one document, one write, per message.
    if (audited === 'own') {
      const subject = { entity: 'notification' as const, id: notification._id, version: 1 };
      const [{ userId: to, fate: reason }] = notifiedIn([notification]);
      await writeAudit(tx, [{ action: 'notify', from: null, to, reason }], subject, systemActor, now, newId);
    }
    written.push(notification);
  }
  return written;
}

/** The messages a change sent, as its audit entry names them: each one, whom it went to, its subscribe fate if known. */
export function notifiedIn(notifications: readonly Notification[]): NonNullable<AuditEntry['notified']> {
  return notifications.map(({ _id, userId, subscribe }) => ({
    notificationId: _id,
    userId,
    fate: subscribe ? `订阅消息 ${subscribe.result}${subscribe.detail ? `：${subscribe.detail}` : ''}` : null,
  }));
}

/** Drafts for the notify effects of a transition, one per person in the audience. */
export function draftsForEffects(
  effects: readonly Effect[],
  application: Pick<Application, '_id' | 'programId' | 'projectName' | 'awardFen'>,
  recipients: Record<'applicant' | 'secretariat', readonly User[]>,
  /** When the change was made and the programme it is in, for a receipt's time and 立项's amount and dates. */
  context?: { now: Date; program: MessageFacts['program'] },
): MessageDraft[] {
  const drafts: MessageDraft[] = [];
  const facts: MessageFacts | undefined = context && {
    at: context.now.toISOString(),
    awardFen: application.awardFen ?? null,
    program: context.program,
  };
  for (const effect of effects) {
    if (effect.kind !== 'notify') continue;
    const text = statusChangeMessage(effect.action, effect.to, effect.audience, application.projectName, effect.reason, facts);
    for (const user of recipients[effect.audience]) {
      drafts.push({
        userId: user._id,
        programId: application.programId,
        applicationId: application._id,
        ...text,
        page: pages[effect.audience](application._id),
        ...(effect.receipt ? { inAppOnly: true } : {}),
      });
    }
  }
  return drafts;
}

/** A subscribe message that will not be sent (no template, or the person has no consent left); null: it may be. */
export function skippedSubscribe(
  deps: Pick<Deps, 'templates'>,
  key: SubscribeTemplate['key'],
  user: Pick<User, 'subscriptions'>,
): Notification['subscribe'] {
  const template = deps.templates.find((candidate) => candidate.key === key);
  if (template && (user.subscriptions[template.key] ?? 0) > 0) return null;
  return { templateKey: key, result: 'skipped', detail: template ? '用户未订阅或订阅次数已用完' : '未配置消息模板' };
}

/**
 * Sends the subscribe message for each new notification to people with a consent left, then records the
 * result on the notification and spends the consent. Best effort: the change itself is already saved.
 * The message goes out before the record is written (never from inside a transaction that could run twice).
 */
export async function deliverSubscribeMessages(
  deps: Deps,
  notifications: readonly Notification[],
  key: SubscribeTemplate['key'],
): Promise<void> {
  const template = deps.templates.find((candidate) => candidate.key === key);
  // Those whose fate was recorded with them (skipped) need nothing more; the others' recipients in one read (a
  // consent spent below is spent here too, for a second message to the same person).
  const pending = notifications.filter((written) => !written.subscribe);
  const users = await byIds(
    deps.store,
    'users',
    pending.map((notification) => notification.userId),
  );
  for (const notification of pending) {
    try {
      const user = users.get(notification.userId);
      if (!user) continue;
      const skipped = skippedSubscribe(deps, key, user);
      const consented = template !== undefined && skipped === null;
      let subscribe: NonNullable<Notification['subscribe']>;
      if (skipped || !template) {
        subscribe = skipped ?? { templateKey: key, result: 'skipped', detail: '未配置消息模板' };
      } else {
        const sent = await deps.notifier.send({
          openid: user.openid,
          templateId: template.templateId,
          page: notification.page ?? '/pages/index/index',
          data: {
            thing1: { value: notification.title.slice(0, 20) },
            thing2: { value: notification.body.slice(0, 20) },
            time3: { value: formatShanghaiDateTime(notification.createdAt) },
          },
        });
        subscribe = { templateKey: key, result: sent.result, detail: sent.detail };
      }
      const now = deps.clock.now();
      let spent: User | null = null;
      await deps.store.transaction(async (tx) => {
        const current = await tx.get('notifications', notification._id);
        if (current) {
          await tx.replace('notifications', { ...current, subscribe, version: current.version + 1 }, current.version);
          const subject = { entity: 'notification' as const, id: current._id, version: current.version + 1 };
          await writeAudit(
            tx,
            [{ action: 'deliver', from: null, to: subscribe.result, reason: subscribe.detail }],
            subject,
            systemActor,
            now,
            deps.newId,
          );
        }
        const latest = await tx.get('users', user._id);
        if (template && consented && subscribe.result !== 'failed' && latest) {
          const left = Math.max(0, (latest.subscriptions[template.key] ?? 0) - 1);
          spent = { ...latest, subscriptions: { ...latest.subscriptions, [template.key]: left }, version: latest.version + 1 };
          await tx.replace('users', spent, latest.version);
          const subject = { entity: 'user' as const, id: latest._id, version: latest.version + 1 };
          await writeAudit(
            tx,
            [{ action: 'spendConsent', from: null, to: template.key, reason: null }],
            subject,
            systemActor,
            now,
            deps.newId,
          );
        }
      });
      if (spent) users.set(user._id, spent);
    } catch (error) {
      console.error('[notify] subscribe message not recorded', notification._id, error);
    }
  }
}
