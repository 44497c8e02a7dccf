// One scenario per seed programme, each exercising what is distinctive in it — all run by the same code,
// differing only in their configuration files.
import { OPENID, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { addApplicant, appliedTo, contentFor, decided, publicizedAndClosed, reviewed, REVIEWERS } from '../support/lifecycle';
import { requiredAttachments } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('Xuzhou 2022 (seed 003)', () => {
  const XUZHOU = 'program-xuzhou-2022';

  test('一流学会 needs 4A; 一流学会 and 创新特色学会 are mutually exclusive; at most 2 科技服务, one per service point; categories close on their own dates', async () => {
    h.clock.set('2022-05-20T10:00:00+08:00');
    // 徐州市农学会 is 3A: it may not apply for 一流学会, and is told why.
    const agri = await h.raw(OPENID.xzAgri, 'application.create', {
      programId: XUZHOU,
      requestId: requestId(),
      content: await contentFor(h, XUZHOU, 'first-class'),
    });
    expect(refusal(agri)).toEqual(['APPLICANT_NOT_ELIGIBLE', '本单位不符合申报条件：社会组织评估等级须为4A级及以上（本单位：3A级）']);
    const view = await h.as(OPENID.xzAgri, 'program.get', { programId: XUZHOU });
    expect(view.categoryStates.find((state) => state.key === 'first-class')?.eligibilityIssues).toEqual([
      '社会组织评估等级须为4A级及以上（本单位：3A级）',
    ]);
    expect(view.categoryStates.find((state) => state.key === 'innovative')?.eligibilityIssues).toEqual([]);

    // 徐州市土木建筑学会 (4A) applies for 一流学会; then 创新特色学会 is refused at submit.
    const firstClass = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'first-class');
    expect(firstClass.result.ok).toBe(true);
    const innovative = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'innovative');
    expect(refusal(innovative.result)).toEqual(['LIMIT_EXCEEDED', '超出限项规定：“一流学会”与“创新特色学会”不得兼报']);
    // The refused draft stays a draft, with what was typed, and says why before the next tap.
    const detail = await h.as(OPENID.xzCivil, 'application.get', { applicationId: innovative.created._id });
    expect(detail.application.status).toBe('draft');
    expect(detail.submitIssues).toEqual(['“一流学会”与“创新特色学会”不得兼报']);

    // 科技服务: two service points are fine; a second application for the same point and a third one are not.
    const first = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service', { servicePoint: '铜山区A企业' });
    const samePoint = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service', { servicePoint: '铜山区A企业' });
    const second = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service', { servicePoint: '鼓楼区B园区' });
    const third = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service', { servicePoint: '云龙区C社区' });
    expect([first.result.ok, second.result.ok]).toEqual([true, true]);
    expect(refusal(samePoint.result)).toEqual(['LIMIT_EXCEEDED', '超出限项规定：同一服务点（铜山区A企业）每个单位只能申报一项']);
    expect(refusal(third.result)?.[1]).toContain('“科技服务项目”每个单位最多申报 2 项（已申报 2 项）');
    // The cooperation agreement is required for 科技服务 only.
    const noAgreement = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service', { servicePoint: '新沂市D企业', attachments: [] });
    expect(refusal(noAgreement.result)?.[1]).toContain('项目合作协议');

    // After 2022-06-05 服务专项 is closed while 一流学会/创新特色学会 stay open until 2022-11-10.
    h.clock.set('2022-06-06T09:00:00+08:00');
    const late = await h.raw(OPENID.xzCivil, 'application.create', {
      programId: XUZHOU,
      requestId: requestId(),
      content: await contentFor(h, XUZHOU, 'think-tank-project'),
    });
    expect(refusal(late)?.[0]).toBe('DEADLINE_PASSED');
    expect(refusal(late)?.[1]).toContain('2022年6月5日 23:59');
    const stillOpen = await h.as(OPENID.xzCivil, 'program.get', { programId: XUZHOU });
    expect(stillOpen.categoryStates.map((state) => [state.key, state.windowOpen])).toEqual([
      ['first-class', true],
      ['innovative', true],
      ['tech-service', false],
      ['think-tank-project', false],
    ]);
  });

  test('an organisation funded by the programme before may still apply (seed 003 line 47 bars the project, not the society); a failed annual inspection blocks every category', async () => {
    h.clock.set('2022-05-20T10:00:00+08:00');
    const funded = await addApplicant(h, {
      id: 'xz-funded',
      name: '徐州市老牌学会',
      societyId: 'org-xzast',
      profile: {
        rating: '5A',
        inspections: [{ year: 2021, result: '合格' }],
        integrityClean: true,
        fundedLineages: ['xuzhou-capacity-plan'],
      },
    });
    const uninspected = await addApplicant(h, {
      id: 'xz-uninspected',
      name: '徐州市新学会',
      societyId: 'org-xzast',
      profile: { rating: '4A', inspections: [{ year: 2021, result: '不合格' }] },
    });
    const fundedView = await h.as(funded, 'program.get', { programId: XUZHOU });
    expect(fundedView.categoryStates.map((state) => state.eligibilityIssues)).toEqual([[], [], [], []]);
    const uninspectedView = await h.as(uninspected, 'program.get', { programId: XUZHOU });
    const failed = '上一年度（2021年）须经民政部门年检合格（本单位：2021年年检结论为不合格）';
    expect(uninspectedView.categoryStates.every((state) => state.eligibilityIssues.includes(failed))).toBe(true);
  });
});

describe('Suzhou 2022 (seed 001)', () => {
  const SUZHOU = 'program-suzhou-2022';

  test('综合示范学会 needs 3A and a 学会日, every category a tax invoice; at most 3 综合示范学会 are shortlisted', async () => {
    h.clock.set('2022-03-01T10:00:00+08:00');
    const envView = await h.as(OPENID.szEnv, 'program.get', { programId: SUZHOU });
    expect(envView.categoryStates.find((state) => state.key === 'demonstration')?.eligibilityIssues).toEqual([
      '社会组织评估等级须为3A级及以上（本单位：2A级）',
      '须已设立“学会日”并开展相应活动',
    ]);
    expect(envView.categoryStates.find((state) => state.key === 'party-building')?.eligibilityIssues).toEqual([]);
    const noInvoice = await addApplicant(h, {
      id: 'sz-noinvoice',
      name: '苏州市某研究会',
      societyId: 'org-szast',
      profile: { rating: '4A', hasSocietyDay: true },
    });
    const noInvoiceView = await h.as(noInvoice, 'program.get', { programId: SUZHOU });
    expect(noInvoiceView.categoryStates.every((state) => state.eligibilityIssues.includes('申报单位须能开具税务票据'))).toBe(true);

    // Four eligible societies apply for 综合示范学会; the fourth cannot be shortlisted.
    const contacts: string[] = [OPENID.szMech];
    for (const n of [1, 2, 3]) {
      contacts.push(
        await addApplicant(h, {
          id: `sz-demo-${n}`,
          name: `苏州市示范学会${n}`,
          societyId: 'org-szast',
          profile: { rating: '4A', inspections: [{ year: 2021, result: '合格' }], canIssueTaxInvoice: true, hasSocietyDay: true },
        }),
      );
    }
    const results = [];
    for (const contact of contacts) {
      const { result } = await appliedTo(h, contact, SUZHOU, 'demonstration');
      if (!result.ok) throw new Error(JSON.stringify(result));
      const submitted = result.data as Awaited<ReturnType<typeof decided>>;
      const checked = await decided(h, submitted, 'passCheck', undefined, OPENID.secretarySuzhou);
      const underReview = await reviewed(h, checked, [REVIEWERS.shen], OPENID.secretarySuzhou);
      results.push(
        await h.raw(OPENID.secretarySuzhou, 'application.decide', {
          applicationId: underReview._id,
          version: underReview.version,
          decision: 'shortlist',
        }),
      );
    }
    expect(results.map((result) => result.ok)).toEqual([true, true, true, false]);
    expect(refusal(results[3]!)).toEqual(['QUOTA_FULL', '名额已满：“综合示范学会建设”名额 3 个已满']);
    const ranking = await h.as(OPENID.secretarySuzhou, 'review.ranking', { programId: SUZHOU });
    expect(ranking.categories.find((category) => category.key === 'demonstration')).toMatchObject({ quotaMax: 3, shortlisted: 3 });
  });
});

describe('the provincial 一流科技社团 call (seeds 002 + 000)', () => {
  const PROVINCIAL = 'program-sichuan-first-class-society-2023';

  test('the seed 000 form: the 基本情况 table and three sections of at most 2,000 characters, a budget with matching funds (seed 002 line 37), schedule, team, commitment', async () => {
    h.clock.set('2023-06-20T10:00:00+08:00');
    const society = await addApplicant(h, {
      id: 'sc-society',
      name: '四川省某学会',
      societyId: 'org-sast',
      profile: { rating: '4A', inspections: [{ year: 2022, result: '合格' }] },
    });
    const program = await h.as(society, 'program.get', { programId: PROVINCIAL });
    expect(program.form.sections.map((section) => [section.title, section.maxChars])).toEqual([
      ['项目申报单位基本情况', 2000],
      ['重点工作内容及具体举措', 2000],
      ['项目目标及预期成效', 2000],
      ['项目实施条件及保障措施', 2000],
    ]);

    const id = requestId();
    const content = await contentFor(h, PROVINCIAL, 'society');
    const tooLong = await h.raw(society, 'application.create', {
      programId: PROVINCIAL,
      requestId: id,
      content: { ...content, sections: { ...content.sections, goals: '成'.repeat(2001) } },
    });
    expect(refusal(tooLong)).toEqual(['INVALID_INPUT', '输入有误：“项目目标及预期成效”不能超过 2000 字（当前 2001 字）']);
    // The guide sets no ceiling at the award: a budget of 200,000 yuan plus the society's matching funds is kept.
    const withMatching = await h.raw(society, 'application.create', {
      programId: PROVINCIAL,
      requestId: requestId(),
      content: {
        ...content,
        budget: [
          { item: '平台建设', amountFen: 20_000_000, basis: '省级资助' },
          { item: '配套：学术品牌活动', amountFen: 5_000_000, basis: '学会配套经费' },
        ],
      },
    });
    expect(withMatching.ok).toBe(true);

    // A draft without the tables and the signature is kept, but submit lists what is missing.
    const partial = { ...content, schedule: [], team: [], declaration: null, sections: { ...content.sections, goals: '成'.repeat(2000) } };
    const created = await h.as(society, 'application.create', { programId: PROVINCIAL, requestId: id, content: partial });
    const attachments = await requiredAttachments(h, society, created);
    const draft = await h.as(society, 'application.save', {
      applicationId: created._id,
      version: created.version,
      content: { ...partial, attachments },
    });
    const incomplete = await h.raw(society, 'application.submit', { applicationId: draft._id, version: draft.version });
    expect(refusal(incomplete)).toEqual(['APPLICATION_INCOMPLETE', '申报书尚未填写完整：请填写进度安排、项目成员、申报承诺签名']);
    const completed = await h.as(society, 'application.save', {
      applicationId: draft._id,
      version: draft.version,
      content: { ...content, attachments, sections: { ...content.sections, goals: '成'.repeat(2000) } },
    });
    const submitted = await h.as(society, 'application.submit', { applicationId: draft._id, version: completed.version });
    expect(submitted).toMatchObject({ status: 'submitted', categoryName: '一流科技社团培育示范项目' });
    expect(submitted.sections.goals).toHaveLength(2000);
  });

  test('a society 通报 by the province within two years is refused with the day named, and may apply once two years have passed', async () => {
    h.clock.set('2023-06-20T10:00:00+08:00');
    const notified = '两年内被通报并限期整改的不得申报（本单位：2022年9月20日被四川省科协通报并限期整改）';
    const view = await h.as('demo-contact-sc-mech', 'program.get', { programId: PROVINCIAL });
    expect(view.categoryStates.map((state) => state.eligibilityIssues)).toEqual([[notified], [notified], [notified]]);
    const refused = await h.raw('demo-contact-sc-mech', 'application.create', {
      programId: PROVINCIAL,
      requestId: requestId(),
      content: await contentFor(h, PROVINCIAL, 'society'),
    });
    expect(refusal(refused)).toEqual(['APPLICANT_NOT_ELIGIBLE', `本单位不符合申报条件：${notified}`]);
    // The province's own 省级学会 with a clean record sees no reason.
    const clean = await h.as(OPENID.scceas, 'program.get', { programId: PROVINCIAL });
    expect(clean.categoryStates.every((state) => state.eligibilityIssues.length === 0)).toBe(true);

    h.clock.set('2024-09-21T10:00:00+08:00');
    const later = await h.as('demo-contact-sc-mech', 'program.get', { programId: PROVINCIAL });
    expect(later.categoryStates.every((state) => state.eligibilityIssues.length === 0)).toBe(true);
  });
});

describe('the society’s 30 × 3,000 awards (seed 004)', () => {
  // Thirty-one awards walked through the api one step at a time: a long walk, given room on a loaded machine.
  test('thirty awards of 3,000 yuan are approved within the 100,000 pool; the 31st is refused', async () => {
    const contacts: string[] = [OPENID.structure, OPENID.academic, OPENID.design];
    for (let n = 4; n <= 31; n += 1) {
      contacts.push(await addApplicant(h, { id: `branch-${n}`, name: `第${n}专业委员会`, kind: 'branch', societyId: 'org-scceas' }));
    }
    const shortlistResults = [];
    for (const contact of contacts) {
      const { result } = await appliedTo(h, contact, 'program-sichuan-civil-2023', 'award');
      if (!result.ok) throw new Error(JSON.stringify(result));
      const checked = await decided(h, result.data as Awaited<ReturnType<typeof decided>>, 'passCheck');
      const underReview = await reviewed(h, checked, [REVIEWERS.zhao]);
      shortlistResults.push(
        await h.raw(OPENID.secretary, 'application.decide', {
          applicationId: underReview._id,
          version: underReview.version,
          decision: 'shortlist',
        }),
      );
    }
    expect(shortlistResults.filter((result) => result.ok)).toHaveLength(30);
    expect(refusal(shortlistResults[30]!)).toEqual(['QUOTA_FULL', '名额已满：“培育奖励”名额 30 个已满']);

    const { results } = await publicizedAndClosed(h);
    expect(results.filter((result) => result.ok)).toHaveLength(30);
    const dashboard = await h.as(OPENID.secretary, 'dashboard.get', { programId: 'program-sichuan-civil-2023' });
    expect(dashboard.counts.approved).toBe(30);
    expect(dashboard.grantedFen).toBe(9_000_000);
    expect(dashboard.grantedFen).toBeLessThanOrEqual(dashboard.program.poolFen);
    // The 31st, still under review, can be neither shortlisted nor approved.
    const [last] = (await h.as(OPENID.secretary, 'application.queue', { programId: 'program-sichuan-civil-2023', status: 'underReview' }))
      .items;
    expect(
      await h.refused(OPENID.secretary, 'application.decide', { applicationId: last!._id, version: last!.version, decision: 'shortlist' }),
    ).toBe('QUOTA_FULL');
    expect(
      await h.refused(OPENID.secretary, 'application.decide', { applicationId: last!._id, version: last!.version, decision: 'approve' }),
    ).toBe('TRANSITION_NOT_ALLOWED');
  }, 30_000);
});
