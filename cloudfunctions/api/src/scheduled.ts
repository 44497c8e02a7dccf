// What the timer function does each run: close ended publicity notices (into approval or confirmed results), fail rectifications
// whose month has passed, and remind people before deadlines. Every step is safe to run twice.
import { applicationWindow } from '@/core/application/rules';
import { formatCalendarDay, formatShanghaiDateTime, isPastDeadline, shanghaiDay } from '@/core/calendar/shanghai';
import { kindOf, noticeKinds } from '@/core/publicity/notice-kinds';
import { hasMidterm, programOf } from '@/core/program/program-schema';
import type { Application, Program } from '@/core/schemas/documents';
import type { ApplicationStatus } from '@/core/workflow/award-workflow';
import { reportDeadline, systemActor } from '@/core/workflow/transition';
import { changeApplication } from './award-change';
import { continueBatchJobs, runBudget, TIMER_BUDGET_MS } from './batch-jobs';
import { closeDuePublicities } from './handlers/publicity';
import { byIds } from './loaders';
import { audiencesOf, deliverSubscribeMessages, pages, writeNotifications, type MessageDraft } from './notify';
import type { Deps } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduledReport {
  /** Items of batch jobs (decisions, notices opening or closing) carried on by this run. */
  batchItems: number;
  closedPublicities: number;
  failedRectifications: number;
  reminders: number;
}

function within(dueAt: string, now: Date, days: number): boolean {
  const left = new Date(dueAt).getTime() - now.getTime();
  return left > 0 && left <= days * DAY_MS;
}

async function applicationsIn(deps: Deps, statuses: readonly ApplicationStatus[]): Promise<Application[]> {
  return deps.store.find('applications', { status: { in: statuses } });
}

async function failOverdueRectifications(deps: Deps, now: Date): Promise<number> {
  let failed = 0;
  for (const application of await applicationsIn(deps, ['inRectification'])) {
    if (!application.dueAt || !isPastDeadline(now, application.dueAt)) continue;
    await changeApplication(deps, now, {
      applicationId: application._id,
      version: application.version,
      action: 'fail',
      actor: systemActor,
      caller: null,
      reason: `整改期限（${formatShanghaiDateTime(application.dueAt)}）已过，未提交整改报告`,
    });
    failed += 1;
  }
  return failed;
}

/** The statuses in which an award owes a report (a rectification's, the mid-term's or the final one). */
const reportOwed: readonly ApplicationStatus[] = ['inRectification', 'midtermRectify', 'implementing', 'midtermPassed'];

/** Which report the award owes (named as the reminder ids always were: due, midterm, final). */
function reportKindOf(application: Application, program: Program): 'due' | 'midterm' | 'final' {
  if (application.status === 'inRectification' || application.status === 'midtermRectify') return 'due';
  return application.status === 'implementing' && hasMidterm(program.stages, application.categoryKey) ? 'midterm' : 'final';
}

const reportReminderTitles = { due: '整改即将到期', midterm: '中期报告即将截止', final: '结项报告即将截止' } as const;

interface Reminder {
  id: string;
  audience: 'applicant' | 'secretariat';
  application: Application | null;
  program: Program;
  title: string;
  body: string;
  page: string | null;
}

async function dueReminders(deps: Deps, now: Date): Promise<Reminder[]> {
  const [drafts, owing, open] = await Promise.all([
    applicationsIn(deps, ['draft', 'returned']),
    applicationsIn(deps, reportOwed),
    deps.store.find('publicities', { status: 'open' }),
  ]);
  // The programmes they belong to, in one read.
  const stored = await byIds(
    deps.store,
    'programs',
    [...drafts, ...owing, ...open].map((record) => record.programId),
  );
  const programs = new Map([...stored].map(([id, program]) => [id, programOf(program)]));
  const programById = (programId: string) => programs.get(programId);
  const reminders: Reminder[] = [];
  for (const application of drafts) {
    const program = programById(application.programId);
    if (!program) continue;
    const { deadline } = applicationWindow(program, application.categoryKey);
    if (!within(deadline, now, 3)) continue;
    reminders.push({
      id: `remind_deadline_${application._id}_${shanghaiDay(deadline)}`,
      audience: 'applicant',
      application,
      program,
      title: `申报即将截止：${application.projectName || '未命名项目'}`,
      body: `申报截止时间 ${formatShanghaiDateTime(deadline)}，请尽快完成并提交。`,
      page: pages.applicant(application._id),
    });
  }
  for (const application of owing) {
    const program = programById(application.programId);
    // The due time the server enforces (REPORT_OVERDUE): an extension the secretariat granted moves it later.
    const deadline = program ? reportDeadline(application, program) : null;
    if (!program || !deadline || !within(deadline.lastAt, now, 7)) continue;
    const kind = reportKindOf(application, program);
    const when = formatShanghaiDateTime(deadline.lastAt);
    const extended = deadline.extension ? '（已获延期）' : '';
    reminders.push({
      id: `remind_${kind}_${application._id}_${shanghaiDay(deadline.lastAt)}`,
      audience: 'applicant',
      application,
      program,
      title: `${reportReminderTitles[kind]}：${application.projectName}`,
      body:
        kind === 'due'
          ? `请于 ${when} 前提交整改报告${extended}，逾期视为验收不合格。`
          : `${kind === 'midterm' ? '中期报告' : '结项报告'}须于 ${when} 前提交${extended}。`,
      page: pages.applicant(application._id),
    });
  }
  for (const publicity of open) {
    const program = programById(publicity.programId);
    if (!program || !within(publicity.endsAt, now, 1)) continue;
    reminders.push({
      id: `remind_publicity_${publicity._id}`,
      audience: 'secretariat',
      application: null,
      program,
      title: `公示即将结束：${publicity.title}`.slice(0, 60),
      body: `公示期至 ${formatCalendarDay(publicity.closesOn)}，结束后将自动${noticeKinds[kindOf(publicity)].closes}；如有异议请及时处理。`,
      page: null,
    });
  }
  return reminders;
}

async function sendReminders(deps: Deps, now: Date): Promise<number> {
  let sent = 0;
  const reminders = await dueReminders(deps, now);
  // Everyone the reminders go to, in one read.
  const audiences = await audiencesOf(
    deps.store,
    reminders.map((reminder) => ({
      audience: reminder.audience,
      subject: reminder.application ?? { orgId: reminder.program.societyId },
      program: reminder.program,
    })),
  );
  for (const [index, reminder] of reminders.entries()) {
    const users = audiences[index]!;
    const drafts: MessageDraft[] = users.map((user) => ({
      userId: user._id,
      programId: reminder.program._id,
      applicationId: reminder.application?._id ?? null,
      title: reminder.title.slice(0, 60),
      body: reminder.body.slice(0, 300),
      page: reminder.page,
    }));
    // A deterministic id per person and deadline: a reminder is written once however often the timer runs.
    const written = await deps.store.transaction((tx) =>
      writeNotifications(tx, drafts, now, deps.newId, (draft) => `${reminder.id}_${draft.userId}`),
    );
    await deliverSubscribeMessages(deps, written, 'reminder');
    sent += written.length;
  }
  return sent;
}

/** The timer's batch work alone (its every-minute trigger): carries on the running batch jobs within its budget. */
export async function runBatchWork(deps: Deps): Promise<number> {
  return continueBatchJobs(deps, deps.clock.now(), runBudget(deps, TIMER_BUDGET_MS));
}

export async function runScheduledWork(deps: Deps): Promise<ScheduledReport> {
  const now = deps.clock.now();
  // One budget for the run's batch work: jobs under way first, then notices that have ended.
  const budget = runBudget(deps, TIMER_BUDGET_MS);
  return {
    batchItems: await continueBatchJobs(deps, now, budget),
    closedPublicities: await closeDuePublicities(deps, now, budget),
    failedRectifications: await failOverdueRectifications(deps, now),
    reminders: await sendReminders(deps, now),
  };
}
