// What the secretariat can do to an application, read from the workflow table and the server's availableActions.
import type { ActionOutput, ApplicationView, StaffDecision } from '@/core/schemas/actions';
import { staffDecisions } from '@/core/schemas/actions';
import {
  actionTable,
  applicationStatuses,
  statusTable,
  type ApplicationStatus,
  type Stage,
  type WorkflowAction,
} from '@/core/workflow/award-workflow';

/** The stages the secretariat works through, in order (申报 and 已结束 have nothing to do). */
export const queueStages = ['check', 'review', 'publicity', 'implementation', 'acceptance', 'payout'] as const satisfies readonly Stage[];
export type QueueStage = (typeof queueStages)[number];

export function isQueueStage(value: unknown): value is QueueStage {
  return typeof value === 'string' && (queueStages as readonly string[]).includes(value);
}

/** Decisions safe to take on many applications at once: no reason asked, no money or quota judgement per row. */
export const batchDecisions = ['passCheck', 'issueNotice', 'passMidterm'] as const satisfies readonly StaffDecision[];
export type BatchDecision = (typeof batchDecisions)[number];

export function isStaffDecision(action: WorkflowAction): action is StaffDecision {
  return (staffDecisions as readonly string[]).includes(action);
}

/** The decision buttons for this application, in the table's order; the server offered exactly these. */
export function decisionsOf(application: Pick<ApplicationView, 'availableActions'>): StaffDecision[] {
  return staffDecisions.filter((decision) => application.availableActions.includes(decision));
}

/** Whether the status alone allows the decision (for rows that carry no availableActions, e.g. the ranking). */
export function statusAllows(status: ApplicationStatus, decision: StaffDecision): boolean {
  return actionTable[decision].from.includes(status);
}

/** Something waits for the secretariat: a decision, reviewers to assign, or a payout to record. */
export function needsStaff(application: Pick<ApplicationView, 'availableActions' | 'status'>): boolean {
  return decisionsOf(application).length > 0 || application.availableActions.includes('pay') || application.status === 'checkPassed';
}

/** Short success text: WeChat cuts a success toast after seven characters. */
export function doneText(decision: StaffDecision): string {
  const text = `已${actionTable[decision].label}`;
  return text.length <= 7 ? text : '已处理';
}

/** Decisions that are bad news for the applicant: those the table asks a reason for. Drawn as warnings. */
export function isAdverse(decision: StaffDecision): boolean {
  return actionTable[decision].reasonRequired;
}

/** The statuses of a stage a clerk can filter its queue by (never a draft), in the table's order. */
export function statusesOf(stage: QueueStage): ApplicationStatus[] {
  return applicationStatuses.filter((status) => status !== 'draft' && statusTable[status].stage === stage);
}

/** The filters of a staff queue; each is answered by the server on the paged list. */
export interface QueueFilters {
  status?: ApplicationStatus;
  categoryKey?: string;
  orgId?: string;
  pendingClaims?: boolean;
  q?: string;
}

/** The filters as the queue's input: only those set (an empty search is no search). */
export function queueFilterInput(filters: QueueFilters): QueueFilters {
  const q = filters.q?.trim();
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.categoryKey ? { categoryKey: filters.categoryKey } : {}),
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(filters.pendingClaims ? { pendingClaims: true } : {}),
    ...(q ? { q } : {}),
  };
}

/** How many filters are set (the filter bar says so, and offers to clear them). */
export function filterCount(filters: QueueFilters): number {
  return Object.keys(queueFilterInput(filters)).length;
}

/** One claim waiting in the claim queue (待核实), as its row shows it. */
export type PendingClaim = ActionOutput<'claim.queue'>['items'][number];

/** The claim queue's filters, each answered by the server on the paged list. */
export interface ClaimFilters {
  indicatorKey?: string;
  orgId?: string;
  /** Only the claims flagged 疑似重复使用. */
  duplicated?: boolean;
}

/** The claim filters as the queue's input: only those set. */
export function claimFilterInput(filters: ClaimFilters): ClaimFilters {
  return {
    ...(filters.indicatorKey ? { indicatorKey: filters.indicatorKey } : {}),
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(filters.duplicated ? { duplicated: true } : {}),
  };
}

/**
 * The claims whose unit, project or indicator names hold every word searched. It runs over the pages loaded: the
 * names live on the awards and units, so the server could search them only by reading past one page of claims.
 */
export function searchClaims<T extends Pick<PendingClaim, 'orgName' | 'projectName' | 'indicatorName'>>(
  claims: readonly T[],
  words: string,
): T[] {
  const wanted = words.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return claims.filter((claim) => {
    const text = `${claim.orgName} ${claim.projectName} ${claim.indicatorName}`.toLowerCase();
    return wanted.every((word) => text.includes(word));
  });
}

/** The loaded claims less those settled since they were loaded (verified or rejected on their award's page). */
export function withoutSettled<T extends { _id: string }>(claims: readonly T[], settled: readonly string[]): T[] {
  return claims.filter((claim) => !settled.includes(claim._id));
}

/** The units of the loaded claims, each once, in order of first appearance: the unit filter's choices. */
export function claimUnits(claims: readonly Pick<PendingClaim, 'orgId' | 'orgName'>[]): { id: string; name: string }[] {
  return [...new Map(claims.map((claim) => [claim.orgId, claim.orgName]))].map(([id, name]) => ({ id, name }));
}

/** 待核实 and how many: those loaded, with a + when more pages follow (the server keeps no count of them). */
export function claimCountText(loaded: number, more: boolean): string {
  return `待核实 ${loaded}${more ? '+' : ''}`;
}

/** Each application's answer as the result list shows it: a recused expert is named on the row it was left out of. */
export function assignmentOutcomes(results: ActionOutput<'review.assignMany'>['results']) {
  return results.map((result) => ({
    applicationId: result.applicationId,
    ok: result.ok,
    code: result.code,
    message: result.ok
      ? result.excluded.length
        ? `已回避：${result.excluded.map((item) => `${item.name}（${item.reason}）`).join('；')}`
        : null
      : result.message,
  }));
}

/** The sections of the staff detail a clerk jumps between (their anchors on the page). */
export type DetailSection = 'content' | 'review' | 'objections' | 'reports' | 'claims' | 'records' | 'audit';

/** Where the staff detail opens: the section holding what waits for a decision on this application, if any. */
export function decisionSection(
  application: Pick<ApplicationView, 'status' | 'availableActions'>,
  facts: { openObjections: number; pendingClaims: number },
): DetailSection | null {
  const { status, availableActions } = application;
  if (status === 'submitted' || status === 'resubmitted') return 'content';
  if (status === 'checkPassed' || status === 'underReview') return 'review';
  if (facts.openObjections > 0) return 'objections';
  if (status === 'midtermSubmitted' || status === 'finalSubmitted' || status === 'rectificationSubmitted') return 'reports';
  if (facts.pendingClaims > 0) return 'claims';
  if (['pay', 'recordAgreement', 'disburse', 'recordRefund'].some((action) => availableActions.includes(action as WorkflowAction))) {
    return 'records';
  }
  return null;
}
