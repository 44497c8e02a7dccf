// The bench's data sets (issue 11): one programme of `awards` awards, each from its own unit, reviewed by three
// experts, through the 公示 and the 立项通知, with `claimsPerAward` claims each — built by calling the api's own
// actions in process (tests/support/harness.ts), as the secretariat, the units' contacts and the experts would.
import { editOf } from '../tests/support/program-edit';
import { OPENID, PROGRAM_ID, completeContent, requestId, type Harness } from '../tests/support/harness';
import { REVIEWERS, scoresFor } from '../tests/support/lifecycle';
import type { ActionInput } from '@/core/schemas/actions';
import { runScheduledWork } from '../cloudfunctions/api/src/scheduled';

/** The 拟立项 notice the data sets and the batch bench open. */
export const PUBLICITY = { programId: PROGRAM_ID, title: '拟立项项目公示', contact: '学会秘书处 028-00000000' };

/** The sizes the issue names: 1× (30 awards, 600 claims) and 100× (3,000 awards, 60,000 claims). */
export const SIZES = {
  '1x': { awards: 30, claimsPerAward: 20 },
  '100x': { awards: 3000, claimsPerAward: 20 },
} as const;
export type SizeName = keyof typeof SIZES;
export interface Shape {
  awards: number;
  claimsPerAward: number;
  /** Stop once every award is shortlisted (the batch bench opens the 公示 itself). */
  until?: 'shortlist';
}

/** The demo's three experts in the running society's pool: each reviews every award. */
export const BENCH_REVIEWERS = [
  REVIEWERS.liu,
  REVIEWERS.zhao,
  { openid: 'demo-reviewer-structure', userId: 'user-reviewer-structure', share: 0.85 },
] as const;

export interface DataSet {
  size: string;
  awards: number;
  claims: number;
  reviews: number;
  /** The clock when the set was left: every award is being carried out (implementing). */
  now: string;
  /** How long each step took, in ms. */
  steps: Record<string, number>;
  buildMs: number;
  /** Api calls made to build it. */
  calls: number;
}

/** Runs `work` over items, `width` at a time (the store serialises transactions; this hides their I/O waits). */
async function eachOf<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** A batch's outcome per item: an action's answer as a list, or its batch job's outcomes. */
type Outcome = { applicationId: string; ok: boolean; code: string | null; message: string | null };
type Job = { id: string; status: 'running' | 'done'; total: number; outcomes: Outcome[] };

/**
 * Settles a batch action's answer: the outcomes it lists, or — where the action answers a batch job that the timer
 * carries on — the timer's runs until the job is done (runScheduledWork, as the cron function calls it), then the
 * job's outcomes (batch.get). Answers the outcomes and how many timer runs it took.
 */
export async function settled(
  h: Harness,
  answer: unknown,
  secretary: string = OPENID.secretary,
): Promise<{ outcomes: Outcome[]; runs: number }> {
  if (Array.isArray(answer)) return { outcomes: answer as Outcome[], runs: 0 };
  let job = answer as Job;
  let runs = 0;
  while (job.status === 'running') {
    await runScheduledWork(h.deps);
    runs += 1;
    if (runs > 1000) throw new Error(`batch job ${job.id} never finished`);
    const result = await h.raw(secretary, 'batch.get', { jobId: job.id });
    if (!result.ok) throw new Error(`batch.get refused: ${result.error.code}`);
    job = result.data as Job;
  }
  return { outcomes: job.outcomes, runs };
}

/** Calls a batch action (whatever its answer's shape in this version of the api) and settles it. */
export async function batchAction(
  h: Harness,
  action: string,
  input: object,
): Promise<{ answer: unknown; outcomes: Outcome[]; runs: number }> {
  const result = await h.raw(OPENID.secretary, action, input);
  if (!result.ok) throw new Error(`${action} refused: ${result.error.code} ${result.error.message}`);
  const data = result.data as { job?: unknown };
  // publicity.open answers the notice, with its job beside it where the api has batch jobs.
  const list = action === 'publicity.open' ? (data.job ?? []) : data;
  return { answer: data, ...(await settled(h, list)) };
}

const refusedIn = (action: string, outcomes: readonly Outcome[]) => {
  const refused = outcomes.filter((outcome) => !outcome.ok);
  if (refused.length > 0) throw new Error(`${action}: ${refused.length} refused, e.g. ${JSON.stringify(refused[0])}`);
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** Builds the data set into the harness's store (which holds only the demo data). */
export async function buildDataSet(
  h: Harness,
  size: string,
  shape: Shape,
  log: (line: string) => void = () => undefined,
): Promise<DataSet> {
  const { awards, claimsPerAward } = shape;
  const started = Date.now();
  const steps: Record<string, number> = {};
  let calls = 0;
  const as = <A extends Parameters<Harness['as']>[1]>(openid: string, action: A, input: ActionInput<A>) => {
    calls += 1;
    return h.as(openid, action, input);
  };
  const step = async (name: string, work: () => Promise<void>) => {
    const at = Date.now();
    await work();
    steps[name] = Date.now() - at;
    log(`  ${size} ${name}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  };
  /** The applications' current versions, as the secretariat's list shows them. */
  const versions = async () =>
    new Map((await h.store.find('applications', { programId: PROGRAM_ID })).map((application) => [application._id, application.version]));
  const batch = async (ids: readonly string[], decision: ActionInput<'application.decideMany'>['decision']) => {
    const current = await versions();
    for (const part of chunks(ids, 200)) {
      calls += 1;
      const { outcomes } = await batchAction(h, 'application.decideMany', {
        items: part.map((applicationId) => ({ applicationId, version: current.get(applicationId)! })),
        decision,
      });
      refusedIn(decision, outcomes);
    }
  };

  await step('programme', async () => {
    // The demo programme has 30 places; the 100× one needs as many places (and money) as awards.
    const program = await as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
    const edit = editOf(program);
    const [category] = edit.categories;
    if (!category) throw new Error('the demo programme has no category');
    if ((category.quotaMax ?? Infinity) >= awards && edit.poolFen >= awards * category.awardAmountFen) return;
    await as(OPENID.secretary, 'program.update', {
      programId: PROGRAM_ID,
      version: program.version,
      edit: { ...edit, categories: [{ ...category, quotaMax: awards }], poolFen: awards * category.awardAmountFen },
    });
  });

  const contacts: string[] = Array.from({ length: awards }, (_, index) => `bench-contact-${index + 1}`);
  await step('units and contacts', () =>
    eachOf(contacts, 4, async (openid, index) => {
      const unit = await as(OPENID.secretary, 'organization.create', {
        requestId: requestId(),
        kind: 'branch',
        name: `基准专业委员会${index + 1}`,
      });
      const invitation = await as(OPENID.secretary, 'invitation.create', {
        requestId: requestId(),
        role: 'applicant',
        orgId: unit._id,
        name: `联系人${index + 1}`,
      });
      await as(openid, 'invitation.accept', { code: invitation.code });
    }),
  );

  const ids: string[] = new Array(awards);
  await step('applications', () =>
    eachOf(contacts, 4, async (openid, index) => {
      const content = completeContent({ projectName: `基准项目${index + 1}` });
      const created = await as(openid, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content });
      await as(openid, 'application.submit', { applicationId: created._id, version: created.version });
      ids[index] = created._id;
    }),
  );
  await step('formal check', () => batch(ids, 'passCheck'));

  const scores = new Map(await Promise.all(BENCH_REVIEWERS.map(async (r) => [r.userId, await scoresFor(h, PROGRAM_ID, r.share)] as const)));
  await step('review', async () => {
    const current = await versions();
    await eachOf(ids, 4, async (applicationId) => {
      await as(OPENID.secretary, 'review.assign', {
        applicationId,
        version: current.get(applicationId)!,
        reviewerIds: BENCH_REVIEWERS.map((reviewer) => reviewer.userId),
      });
      for (const reviewer of BENCH_REVIEWERS) {
        // The task as the expert's list shows it (review.mine), looked up by its id rather than by listing them all.
        const reviewId = `review_${applicationId}_${reviewer.userId}`;
        const task = await h.store.get('reviews', reviewId);
        if (!task) throw new Error(`no review task ${reviewId}`);
        const declared = await as(reviewer.openid, 'review.declare', { reviewId, version: task.version, noConflict: true });
        await as(reviewer.openid, 'review.submit', {
          reviewId,
          version: declared.version,
          scores: scores.get(reviewer.userId)!,
          comment: '方案可行，指标明确。',
        });
      }
    });
  });
  await step('shortlist', () => batch(ids, 'shortlist'));
  const done = () => ({
    size,
    awards,
    claims: awards * claimsPerAward,
    reviews: awards * BENCH_REVIEWERS.length,
    now: h.clock.now().toISOString(),
    steps,
    buildMs: Date.now() - started,
    calls,
  });
  if (shape.until === 'shortlist') return done();

  await step('publicity', async () => {
    calls += 2;
    const opened = await batchAction(h, 'publicity.open', PUBLICITY);
    const { publicity } = opened.answer as { publicity: { _id: string; endsAt: string } };
    h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
    refusedIn('publicity.close', (await batchAction(h, 'publicity.close', { publicityId: publicity._id })).outcomes);
  });
  await step('approval notice', () => batch(ids, 'issueNotice'));

  const indicators = ['published-results', 'papers-recommended'];
  await step('claims', () =>
    eachOf(ids, 4, async (applicationId, index) => {
      for (let claim = 0; claim < claimsPerAward; claim += 1) {
        await as(contacts[index]!, 'claim.add', {
          applicationId,
          requestId: requestId(),
          indicatorKey: indicators[claim % indicators.length]!,
          amount: 1,
          description: `完成情况${claim + 1}`,
          fileIds: [],
          // A 天府科技云 record as the evidence (photos are the photo bench's part).
          links: [`https://www.tfkjy.cn/studio/detail?id=${index + 1}-${claim + 1}`],
        });
      }
      if (index % 500 === 499) log(`    ${index + 1} awards' claims`);
    }),
  );

  return done();
}
