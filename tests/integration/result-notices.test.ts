// Notices of assessment results (考核结果公示): where a programme's stages have one (Xuzhou, seed 003: 考核结果予以公示;
// Suzhou, seed 001: 公示发文 after the performance review), the accepted awards are published for its working days
// before payment; an upheld objection takes the award back, and the notice's end confirms the rest.
import { runScheduledWork } from '../../cloudfunctions/api/src/scheduled';
import { OPENID, PROGRAM_ID, refusal, startHarness, type Harness } from '../support/harness';
import { acceptedFrom, current, objectedTo, objectionHandled, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';
import { withStages } from '../support/program-edit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const resultNotice = { workingDays: 5, minWorkingDays: 5 };

/** Two awards of the demo programme (培育奖励, 3,000 yuan each) taken through to acceptance. */
async function twoAccepted() {
  const first = await shortlisted(h, await submitted(h, OPENID.structure));
  const second = await shortlisted(h, await submitted(h, OPENID.academic));
  await publicizedAndClosed(h);
  h.clock.set('2023-11-01T09:00:00+08:00');
  return [
    await acceptedFrom(h, OPENID.structure, await current(h, OPENID.secretary, first._id)),
    await acceptedFrom(h, OPENID.academic, await current(h, OPENID.secretary, second._id)),
  ] as const;
}

function openResults() {
  return h.raw(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    kind: 'result',
    title: '2023年培育奖励考核结果公示',
    contact: '学会秘书处 028-00000000',
  });
}

test('a result notice lists the accepted awards for the programme’s working days; an upheld objection returns the award to the pool; the timer confirms the rest', async () => {
  await withStages(h, { resultNotice });
  const [first, second] = await twoAccepted();
  // While the results are not yet published, the award cannot be paid.
  expect(first.availableActions).not.toContain('pay');
  const grantedBefore = (await h.store.get('ledgers', `ledger_${PROGRAM_ID}`))!;
  expect(grantedBefore.grantedFen).toBe(600_000);

  const { publicity, notice } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    kind: 'result',
    title: '2023年培育奖励考核结果公示',
    contact: '学会秘书处 028-00000000',
  });
  expect(publicity.kind).toBe('result');
  expect(notice).toMatchObject({ kind: 'result', kindLabel: '考核结果公示', workingDays: 5, open: true });
  expect(notice.entries.map((entry) => [entry.applicationId, entry.awardFen])).toEqual([
    [first._id, 300_000],
    [second._id, 300_000],
  ]);
  // The applicant reads where the award stands.
  expect(await current(h, OPENID.structure, first._id)).toMatchObject({ status: 'inResultNotice', statusLabel: '考核结果公示中' });

  // The public objects to the second award; the secretariat upholds it: the award leaves the granted awards and the pool.
  expect((await objectedTo(h, publicity._id, second._id, '该项目佐证材料与去年雷同。')).ok).toBe(true);
  await objectionHandled(h, publicity._id, 'upheld', '经核实佐证材料雷同');
  expect(await current(h, OPENID.academic, second._id)).toMatchObject({
    status: 'objectionUpheld',
    decisionReason: '经核实佐证材料雷同',
    outcomes: { publicity: 'objectionUpheld' },
  });
  const ledger = (await h.store.get('ledgers', `ledger_${PROGRAM_ID}`))!;
  expect(ledger.grantedFen).toBe(300_000);
  expect(ledger.categories.award).toEqual({ shortlisted: 1, granted: 1 });

  // Confirming before the notice ends is refused, by hand or by closing it.
  const inNotice = await current(h, OPENID.secretary, first._id);
  expect(inNotice.availableActions).toContain('confirmResult');
  expect(
    await h.refused(OPENID.secretary, 'application.decide', {
      applicationId: first._id,
      version: inNotice.version,
      decision: 'confirmResult',
    }),
  ).toBe('PUBLICITY_NOT_ENDED');
  expect(await h.refused(OPENID.secretary, 'publicity.close', { publicityId: publicity._id })).toBe('PUBLICITY_NOT_ENDED');

  // After the last day the timer confirms the result; the award may now be paid, and the upheld one is left alone.
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  expect((await runScheduledWork(h.deps)).closedPublicities).toBe(1);
  const confirmed = await current(h, OPENID.secretary, first._id);
  expect(confirmed).toMatchObject({ status: 'resultPublished', statusLabel: '结果公示期满，待发放' });
  expect(confirmed.availableActions).toContain('pay');
  expect((await current(h, OPENID.secretary, second._id)).status).toBe('objectionUpheld');
  const audit = await h.store.find('audit', { entityId: first._id, action: 'confirmResult' });
  expect(audit.map((entry) => entry.actorRole)).toEqual(['system']);
  expect((await h.store.get('publicities', publicity._id))?.status).toBe('closed');
  expect(await runScheduledWork(h.deps)).toMatchObject({ closedPublicities: 0 });
});

test('an objection still open when the result notice ends keeps its award in the notice until the secretariat handles it', async () => {
  await withStages(h, { resultNotice });
  const [first] = await twoAccepted();
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    kind: 'result',
    title: '考核结果公示',
    contact: '秘书处',
  });
  expect((await objectedTo(h, publicity._id, first._id, '指标完成情况存疑。')).ok).toBe(true);
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  // Read by anyone after its end, the notice closes: the other award is confirmed, this one waits.
  const read = await h.raw(null, 'publicity.get', { publicityId: publicity._id });
  expect(read.ok && (read.data as { open: boolean }).open).toBe(false);
  const waiting = await current(h, OPENID.secretary, first._id);
  expect(waiting.status).toBe('inResultNotice');
  expect(
    refusal(
      await h.raw(OPENID.secretary, 'application.decide', {
        applicationId: first._id,
        version: waiting.version,
        decision: 'confirmResult',
      }),
    ),
  ).toEqual(['OBJECTION_PENDING', '该项目有尚未处理的异议，处理后才能继续']);

  await objectionHandled(h, publicity._id, 'dismissed', '经核实指标已完成');
  const handled = await current(h, OPENID.secretary, first._id);
  const confirmed = await h.as(OPENID.secretary, 'application.decide', {
    applicationId: first._id,
    version: handled.version,
    decision: 'confirmResult',
  });
  expect(confirmed.status).toBe('resultPublished');
});

test('each kind of notice is refused, with its reason, where the programme’s stages have none (Suzhou, seed 001: no 拟立项公示)', async () => {
  // The demo programme as seeded has a shortlist notice and no result notice.
  expect(refusal(await openResults())).toEqual([
    'TRANSITION_NOT_ALLOWED',
    '当前状态下不能执行该操作：本项目不设考核结果公示：验收通过后可直接登记发放',
  ]);

  await withStages(h, { shortlistNotice: null, resultNotice });
  await shortlisted(h, await submitted(h, OPENID.structure));
  expect(
    refusal(await h.raw(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '拟立项公示', contact: '秘书处' })),
  ).toEqual(['TRANSITION_NOT_ALLOWED', '当前状态下不能执行该操作：本项目不设立项公示：拟立项项目可直接批准立项']);
  // Nothing accepted yet: a result notice has nothing to publish, and says what it was looking for.
  expect(refusal(await openResults())).toEqual(['NOTHING_TO_PUBLISH', '没有可公示的项目：当前没有验收通过项目']);
  expect(await h.store.find('publicities', { programId: PROGRAM_ID })).toEqual([]);
});
