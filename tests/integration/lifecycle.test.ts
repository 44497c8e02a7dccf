// The society's whole year for one award, through the api: formal check, expert review with recusal and
// blind scoring, ranking, publicity with an objection, approval, mid-term with a rectification, final
// acceptance after a one-month rectification, payout; with the messages each person receives.
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, REVIEWERS, scoresFor, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

test('one award from application to payout, each step decided on the server and written to the audit trail', async () => {
  const application = await submitted(h, OPENID.structure);
  const checked = await decided(h, application, 'passCheck');

  // Assignment: the reviewer from the applicant's own branch is excluded, and the secretariat is told why.
  const candidates = await h.as(OPENID.secretary, 'review.candidates', { applicationId: checked._id });
  expect(candidates.find((candidate) => candidate.userId === 'user-reviewer-structure')?.excludedBecause).toContain('建筑结构专业委员会');
  const assignment = await h.as(OPENID.secretary, 'review.assign', {
    applicationId: checked._id,
    version: checked.version,
    reviewerIds: ['user-reviewer', 'user-reviewer-scu', 'user-reviewer-structure'],
  });
  expect(assignment.assigned).toEqual(['user-reviewer', 'user-reviewer-scu']);
  expect(assignment.excluded.map((item) => [item.userId, item.reason])).toEqual([
    ['user-reviewer-structure', '与申报单位同属“建筑结构专业委员会”，按回避规定不能评审'],
  ]);
  expect(assignment.application.status).toBe('underReview');
  expect((await h.as(OPENID.reviewerStructure, 'review.mine', {})).items).toEqual([]);

  // A reviewer sees only the name before declaring no conflict of interest; then scores, blind to the other.
  const [liuTask] = (await h.as(OPENID.reviewer, 'review.mine', {})).items;
  expect(liuTask).toMatchObject({ applicationName: '建筑结构抗震科普进社区', orgName: '建筑结构专业委员会', status: 'assigned' });
  expect(await h.refused(OPENID.reviewer, 'review.open', { reviewId: liuTask!._id })).toBe('DECLARATION_REQUIRED');
  const declared = await h.as(OPENID.reviewer, 'review.declare', { reviewId: liuTask!._id, version: liuTask!.version, noConflict: true });
  const opened = await h.as(OPENID.reviewer, 'review.open', { reviewId: liuTask!._id });
  expect(opened.application.sections.plan).toContain('抗震科普讲座');
  expect(opened.otherReviews).toEqual([]);
  const scores = await scoresFor(h, PROGRAM_ID, 0.9);
  expect(
    await h.refused(OPENID.reviewer, 'review.submit', {
      reviewId: liuTask!._id,
      version: declared.version,
      scores: scores.slice(1),
      comment: '好',
    }),
  ).toBe('SCORES_INVALID');
  const liuReview = await h.as(OPENID.reviewer, 'review.submit', {
    reviewId: liuTask!._id,
    version: declared.version,
    scores,
    comment: '方案扎实。',
  });
  expect(liuReview.total).toBe(90);
  expect((await h.as(OPENID.reviewer, 'review.open', { reviewId: liuTask!._id })).otherReviews).toEqual([]);

  const [zhaoTask] = (await h.as(OPENID.reviewerScu, 'review.mine', {})).items;
  const zhaoDeclared = await h.as(OPENID.reviewerScu, 'review.declare', {
    reviewId: zhaoTask!._id,
    version: zhaoTask!.version,
    noConflict: true,
  });
  await h.as(OPENID.reviewerScu, 'review.submit', {
    reviewId: zhaoTask!._id,
    version: zhaoDeclared.version,
    scores: await scoresFor(h, PROGRAM_ID, 0.7),
    comment: '经费测算偏粗。',
  });
  const afterBoth = await h.as(OPENID.reviewer, 'review.open', { reviewId: liuTask!._id });
  // Blind until the ranking is published: 赵教授's score under a stand-in name (core/review/blind.ts).
  expect(afterBoth.otherReviews.map((review) => [review.reviewerName, review.total])).toEqual([['专家A', 70]]);

  const ranking = await h.as(OPENID.secretary, 'review.ranking', { programId: PROGRAM_ID });
  expect(ranking.categories[0]).toMatchObject({ key: 'award', quotaMax: 30, shortlisted: 0 });
  expect(ranking.categoryKey).toBe('award');
  expect(ranking.items[0]).toMatchObject({
    applicationId: application._id,
    mean: 80,
    spread: 10,
    min: 70,
    max: 90,
    rank: 1,
    submitted: 2,
    assigned: 2,
  });

  // Shortlist, publicity, an objection that is dismissed, approval when the notice ends.
  const shortlisted = await decided(h, await current(h, OPENID.secretary, application._id), 'shortlist');
  expect(shortlisted.outcomes.review).toBe('shortlisted');
  const { publicity, notice } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '2023年培育奖励拟立项项目公示',
    contact: '王秘书 028-00000000',
  });
  expect(notice.periodText).toBe('公示期 2023年7月3日至2023年7月7日');
  expect(notice.entries.map((entry) => [entry.orgName, entry.awardFen])).toEqual([['建筑结构专业委员会', 300_000]]);
  const objection = await h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId: publicity._id,
    applicationId: application._id,
    content: '该项目与去年申报内容重复。',
    contactName: '匿名会员',
    contactPhone: '13800000000',
  });
  expect(objection.ok).toBe(true);
  h.clock.set('2023-07-10T09:00:00+08:00');
  // An objection not yet handled holds the approval back, even after the notice has ended.
  expect(
    await h.refused(OPENID.secretary, 'application.decide', {
      applicationId: application._id,
      version: shortlisted.version + 1,
      decision: 'approve',
    }),
  ).toBe('OBJECTION_PENDING');
  const [lodged] = await h.as(OPENID.secretary, 'objection.list', { publicityId: publicity._id });
  await h.as(OPENID.secretary, 'objection.handle', {
    objectionId: lodged!._id,
    version: lodged!.version,
    decision: 'dismissed',
    note: '经核实内容不重复。',
  });
  const closing = await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  expect(closing).toMatchObject({ status: 'done', total: 1, done: 1 });
  expect(closing.outcomes).toEqual([{ applicationId: application._id, ok: true, code: null, message: null }]);
  const approved = await current(h, OPENID.secretary, application._id);
  expect(approved).toMatchObject({ status: 'approved', awardFen: 300_000, outcomes: { publicity: 'approved' } });

  // Implementation, a mid-term report sent back for rectification, then passed.
  const implementing = await decided(h, approved, 'issueNotice');
  const midterm = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: application._id,
    version: implementing.version,
    summary: '已开展讲座1场。',
    achievements: [{ indicatorKey: 'published-results', amount: 1 }],
    fileIds: [],
  });
  expect(midterm.status).toBe('midtermSubmitted');
  h.clock.set('2023-09-01T10:00:00+08:00');
  const midRectify = await decided(h, midterm, 'rectifyMidterm', '进度偏慢，请补充佐证材料');
  expect(midRectify.dueAt).toBe('2023-10-01T15:59:59.000Z');
  const midAgain = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: application._id,
    version: midRectify.version,
    summary: '已开展讲座2场，新发布成果1项。',
    // Only what the first mid-term report did not already claim (its 1 waits for verification).
    achievements: [{ indicatorKey: 'published-results', amount: 1 }],
    fileIds: [],
  });
  const midPassed = await decided(h, midAgain, 'passMidterm');
  expect(midPassed.outcomes.midterm).toBe('passed');

  // Final report, a failed acceptance with one month to rectify, the rectification accepted, payout.
  const final = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: application._id,
    version: midPassed.version,
    summary: '全部完成。',
    achievements: [{ indicatorKey: 'published-results', amount: 1 }],
    fileIds: [],
  });
  h.clock.set('2024-01-05T10:00:00+08:00');
  expect(
    await h.refused(OPENID.secretary, 'application.pay', {
      applicationId: application._id,
      version: final.version,
      payout: { amountFen: 300_000, paidOn: '2024-01-05', voucherNo: 'X1' },
    }),
  ).toBe('TRANSITION_NOT_ALLOWED');
  const rectify = await decided(h, final, 'rectifyFinal', '缺少论文推荐佐证');
  expect(rectify).toMatchObject({ status: 'inRectification', dueAt: '2024-02-05T15:59:59.000Z', decisionReason: '缺少论文推荐佐证' });
  const rectified = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: application._id,
    version: rectify.version,
    summary: '已补充论文推荐证明。',
    achievements: [{ indicatorKey: 'papers-recommended', amount: 2 }],
    fileIds: [],
  });
  expect(rectified.status).toBe('rectificationSubmitted');
  const accepted = await decided(h, rectified, 'accept');
  expect(accepted.outcomes.final).toBe('accepted');
  expect(
    await h.refused(OPENID.secretary, 'application.pay', {
      applicationId: application._id,
      version: accepted.version,
      payout: { amountFen: 300_001, paidOn: '2024-01-20', voucherNo: 'PZ-1' },
    }),
  ).toBe('INVALID_INPUT');
  const paid = await h.as(OPENID.secretary, 'application.pay', {
    applicationId: application._id,
    version: accepted.version,
    payout: { amountFen: 300_000, paidOn: '2024-01-20', voucherNo: '记-2024-0117' },
  });
  expect(paid).toMatchObject({ status: 'paid', payout: { amountFen: 300_000, voucherNo: '记-2024-0117', recordedBy: 'user-secretary' } });

  const detail = await h.as(OPENID.secretary, 'application.get', { applicationId: application._id });
  expect(detail.audit.filter((entry) => entry.action === 'reviewScored').map((entry) => entry.reason)).toEqual([
    '刘教授（评审专家）提交评分',
    '赵教授（评审专家）提交评分',
  ]);
  expect(detail.audit.map((entry) => entry.to)).toEqual([
    'draft',
    'submitted',
    'checkPassed',
    'underReview',
    // Each of the two experts' scores joined the application's running score (reviewScored).
    'underReview',
    'underReview',
    'shortlisted',
    'inPublicity',
    'approved',
    'implementing',
    'midtermSubmitted',
    'midtermRectify',
    'midtermSubmitted',
    'midtermPassed',
    'finalSubmitted',
    'inRectification',
    'rectificationSubmitted',
    'accepted',
    'paid',
  ]);
  expect(detail.application.reports.rectification?.summary).toBe('已补充论文推荐证明。');

  // The contact was told of every decision in the app; the secretariat of each report and of the objection.
  const contactMessages = (await h.as(OPENID.structure, 'notification.list', {})).items;
  expect(contactMessages.map((message) => message.title)).toContain('限期整改：建筑结构抗震科普进社区');
  expect(contactMessages.find((message) => message.title.startsWith('限期整改'))?.body).toContain('缺少论文推荐佐证');
  const secretaryMessages = (await h.as(OPENID.secretary, 'notification.list', {})).items;
  expect(secretaryMessages.map((message) => message.title)).toEqual(
    expect.arrayContaining(['收到公示异议：建筑结构抗震科普进社区', '提交整改报告：建筑结构抗震科普进社区']),
  );
  const dashboard = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  expect(dashboard).toMatchObject({ grantedFen: 300_000, paidFen: 300_000 });
  // Every report's figures became claims waiting for verification: the board and the reports say the same.
  const row = (key: string) => dashboard.rows.find((entry) => entry.key === key);
  expect(row('published-results')).toMatchObject({ claimed: 3, verified: 0 });
  expect(row('papers-recommended')).toMatchObject({ claimed: 2, verified: 0 });
  expect(detail.claims.map((claim) => claim.description).sort()).toEqual(
    ['中期报告填报', '中期报告填报', '整改报告填报', '结项报告填报'].sort(),
  );
});

test('subscribe messages go only to people who consented on a tap, one per consent; locally they are recorded', async () => {
  const templates = await h.as(OPENID.structure, 'notification.templates', {});
  expect(templates.map((template) => template.key)).toEqual(['statusChange', 'reminder']);
  await h.as(OPENID.structure, 'notification.subscribe', { templateKeys: ['statusChange'] });

  const application = await submitted(h, OPENID.structure);
  const returned = await decided(h, application, 'return', '请补充预算依据');
  await h.as(OPENID.structure, 'application.submit', { applicationId: returned._id, version: returned.version });
  const resubmitted = await current(h, OPENID.secretary, application._id);
  await decided(h, resubmitted, 'return', '仍需补充');

  const messages = (await h.as(OPENID.structure, 'notification.list', {})).items;
  // The delivery state is the secretariat's concern: it is kept with the message, not shown in the person's list.
  const stored = await h.store.find('notifications', { userId: 'user-contact-structure' });
  const resultOf = (reason: string) => stored.find((message) => message.body.includes(reason))?.subscribe?.result;
  expect(resultOf('请补充预算依据')).toBe('recorded');
  expect(resultOf('仍需补充')).toBe('skipped');
  expect(h.notifier.sent).toHaveLength(1);
  expect(h.notifier.sent[0]).toMatchObject({ openid: OPENID.structure, templateId: 'local-status-change' });

  const session = await h.as(OPENID.structure, 'session.me', {});
  // The two returns, and a receipt for each submission (in-app only: they spent no consent).
  expect(session.unreadNotifications).toBe(4);
  expect(stored.filter((message) => message.subscribe?.detail === '回执仅在站内消息中显示')).toHaveLength(2);
  const read = await h.as(OPENID.structure, 'notification.read', { ids: messages.map((message) => message._id) });
  expect(read.unread).toBe(0);
});

test('the applicant may withdraw before review, not after', async () => {
  const application = await submitted(h, OPENID.structure);
  const withdrawn = await h.as(OPENID.structure, 'application.withdraw', {
    applicationId: application._id,
    version: application.version,
    reason: '材料准备不足',
  });
  expect(withdrawn.status).toBe('withdrawn');
  expect(withdrawn.statusLabel).toBe('已撤回');
  const other = await submitted(h, OPENID.academic);
  const checked = await decided(h, other, 'passCheck');
  const { application: underReview } = await h.as(OPENID.secretary, 'review.assign', {
    applicationId: checked._id,
    version: checked.version,
    reviewerIds: [REVIEWERS.liu.userId],
  });
  expect(await h.refused(OPENID.academic, 'application.withdraw', { applicationId: underReview._id, version: underReview.version })).toBe(
    'TRANSITION_NOT_ALLOWED',
  );
});
