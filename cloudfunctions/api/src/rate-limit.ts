// Allowances for public writes, kept as counters in the Store and raised inside the write's own transaction:
// a refused call writes nothing, and two racing calls cannot both take the last place (the counter is one
// document, so one of them loses the race and runs again against the new count).
import { createHash } from 'node:crypto';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { AppError } from '@/core/errors';
import type { Counter } from '@/core/schemas/documents';
import type { StoreReader, StoreTx } from './ports';

const HOUR_MS = 60 * 60 * 1000;

/** One phone number, on one notice: a person objecting to several entries still fits. */
export const OBJECTIONS_PER_PHONE_PER_HOUR = 5;
/** One client (a WeChat user, or an address): enough for a family or an office sharing a network. */
export const OBJECTIONS_PER_CLIENT_PER_HOUR = 30;

export interface Allowance {
  /** What is counted, e.g. "phone:<notice>:<number>"; only its digest is stored. */
  key: string;
  limit: number;
  windowMs: number;
  /** The rule in words, for the refusal. */
  rule: string;
  /** What the counter counts; absent: objections. */
  kind?: Counter['kind'];
}

export const objectionAllowances = (publicityId: string, phone: string, clientKey: string): Allowance[] => [
  {
    key: `objection-phone:${publicityId}:${phone}`,
    limit: OBJECTIONS_PER_PHONE_PER_HOUR,
    windowMs: HOUR_MS,
    rule: `同一电话每小时对同一公示最多提交 ${OBJECTIONS_PER_PHONE_PER_HOUR} 条异议`,
  },
  {
    key: `objection-client:${clientKey}`,
    limit: OBJECTIONS_PER_CLIENT_PER_HOUR,
    windowMs: HOUR_MS,
    rule: `同一设备或网络每小时最多提交 ${OBJECTIONS_PER_CLIENT_PER_HOUR} 条异议`,
  },
];

/** Wrong invitation codes one client may type per hour: 8 characters of 31 cannot be guessed at this pace. */
export const WRONG_CODES_PER_CLIENT_PER_HOUR = 10;
/** Wrong setup codes one client may type per hour. */
export const WRONG_SETUP_CODES_PER_CLIENT_PER_HOUR = 5;

export const wrongCodeAllowances = (clientKey: string): Allowance[] => [
  {
    key: `invitation-code:${clientKey}`,
    limit: WRONG_CODES_PER_CLIENT_PER_HOUR,
    windowMs: HOUR_MS,
    rule: `邀请码输错次数过多（每小时最多 ${WRONG_CODES_PER_CLIENT_PER_HOUR} 次）`,
    kind: 'codeAttempt',
  },
];

export const wrongSetupCodeAllowances = (clientKey: string): Allowance[] => [
  {
    key: `setup-code:${clientKey}`,
    limit: WRONG_SETUP_CODES_PER_CLIENT_PER_HOUR,
    windowMs: HOUR_MS,
    rule: `初始设置码输错次数过多（每小时最多 ${WRONG_SETUP_CODES_PER_CLIENT_PER_HOUR} 次）`,
    kind: 'codeAttempt',
  },
];

/** A short fixed-length name for a key that may hold a phone number or an address. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Raises a counter by one (from zero when it belongs to an earlier window) and returns the new count;
 * refuses, writing nothing, once it stands at `ceiling`.
 */
async function raise(tx: StoreTx, id: string, kind: Counter['kind'], now: Date, window: { start: string | null; ceiling: number }) {
  const stamp = now.toISOString();
  const current = await tx.get('counters', id);
  const count = (current && current.windowStart === window.start ? current.count : 0) + 1;
  if (count > window.ceiling) return null;
  const next = { count, windowStart: window.start, updatedAt: stamp };
  if (current) await tx.replace('counters', { ...current, ...next, version: current.version + 1 }, current.version);
  else await tx.create('counters', { _id: id, version: 1, createdAt: stamp, kind, ...next });
  return count;
}

/** The counter and current window of an allowance (fixed windows from the epoch: whole hours). */
function windowOf(allowance: Allowance, now: Date) {
  const start = Math.floor(now.getTime() / allowance.windowMs) * allowance.windowMs;
  // One document per key, reused window after window, so counters do not pile up hour by hour.
  return { id: `rate_${digest(allowance.key)}`, start: new Date(start).toISOString(), end: new Date(start + allowance.windowMs) };
}

function spent(allowance: Allowance, window: ReturnType<typeof windowOf>): AppError {
  return new AppError('RATE_LIMITED', `${allowance.rule}，请于 ${formatShanghaiDateTime(window.end)} 后再试`);
}

/**
 * Refuses at once, writing nothing, when an allowance is already spent: a flood is turned away before any
 * costly work (WeChat's content check). takeAllowances still decides, inside the write's transaction.
 */
export async function checkAllowances(store: Pick<StoreReader, 'get'>, allowances: readonly Allowance[], now: Date): Promise<void> {
  for (const allowance of allowances) {
    const window = windowOf(allowance, now);
    const counter = await store.get('counters', window.id);
    if (counter && counter.windowStart === window.start && counter.count >= allowance.limit) throw spent(allowance, window);
  }
}

/** Takes one place from each allowance's current window. */
export async function takeAllowances(tx: StoreTx, allowances: readonly Allowance[], now: Date): Promise<void> {
  for (const allowance of allowances) {
    const window = windowOf(allowance, now);
    const taken = await raise(tx, window.id, allowance.kind ?? 'objectionRate', now, { start: window.start, ceiling: allowance.limit });
    if (taken === null) throw spent(allowance, window);
  }
}

/** The next number of a sequence kept under `id` (1, 2, 3 …), taken in the caller's transaction. */
export async function nextInSequence(tx: StoreTx, id: string, now: Date): Promise<number> {
  return (await raise(tx, id, 'objectionReceipt', now, { start: null, ceiling: Number.MAX_SAFE_INTEGER }))!;
}
