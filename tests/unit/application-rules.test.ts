import {
  applicationWindow,
  budgetTotalFen,
  checkApplicationWindow,
  checkContentLimits,
  checkSubmittable,
  countChars,
  isProgramOpen,
  isWindowOpen,
  missingForSubmission,
} from '@/core/application/rules';
import { floorCommitments } from '@/core/program/program-schema';
import { completeContent, emptyContent, programFrom, refusal } from './factories';

const civil = programFrom('sichuan-civil-2023');
const province = programFrom('sichuan-first-class-society-2023');
const suzhou = programFrom('suzhou-2022');
const xuzhou = programFrom('xuzhou-2022');

describe('characters are counted as people count them', () => {
  test('one per code point: a rare CJK character or an emoji is one, not two', () => {
    expect(countChars('抗震科普')).toBe(4);
    expect(countChars('𠮷野家👍')).toBe(4);
    expect('𠮷'.length).toBe(2);
    expect(countChars('a b')).toBe(3);
  });

  test('the society plan may have 2,000 characters, not 2,001; rare characters count once', () => {
    const withPlan = (plan: string) => completeContent(civil, 'award', { sections: { plan } });
    expect(refusal(() => checkContentLimits(civil, withPlan('字'.repeat(2000))))).toBeNull();
    expect(refusal(() => checkContentLimits(civil, withPlan('𠮷'.repeat(2000))))).toBeNull();
    expect(refusal(() => checkContentLimits(civil, withPlan('字'.repeat(2001))))).toEqual({
      code: 'INVALID_INPUT',
      message: '输入有误：“实施方案”不能超过 2000 字（当前 2001 字）',
    });
  });

  test.each([
    ['key-work', '重点工作内容及具体举措'],
    ['goals', '项目目标及预期成效'],
    ['conditions', '项目实施条件及保障措施'],
  ])('the provincial form limits “%s” on its own to 2,000 characters', (key, title) => {
    const full = completeContent(province, 'society', {
      sections: { 'key-work': '举'.repeat(2000), goals: '标'.repeat(2000), conditions: '障'.repeat(2000) },
    });
    expect(refusal(() => checkContentLimits(province, full))).toBeNull();
    const over = { ...full, sections: { ...full.sections, [key]: '𠮷'.repeat(2001) } };
    expect(refusal(() => checkContentLimits(province, over))).toEqual({
      code: 'INVALID_INPUT',
      message: `输入有误：“${title}”不能超过 2000 字（当前 2001 字）`,
    });
  });

  test('a section the form does not have is refused', () => {
    const content = completeContent(province, 'society', { sections: { plan: '方案' } });
    expect(refusal(() => checkContentLimits(province, content))?.message).toBe('输入有误：申报书没有“plan”这一部分');
  });

  test('the project name has its own limit', () => {
    expect(refusal(() => checkContentLimits(civil, completeContent(civil, 'award', { projectName: '名'.repeat(60) })))).toBeNull();
    expect(refusal(() => checkContentLimits(civil, completeContent(civil, 'award', { projectName: '名'.repeat(61) })))?.message).toBe(
      '输入有误：项目名称不能超过 60 字',
    );
  });
});

describe('the budget may reach the category’s award but not pass it', () => {
  test('3,000 yuan for the society’s award', () => {
    const content = completeContent(civil, 'award', {
      budget: [
        { item: '专家劳务', amountFen: 150_000, basis: '3场×500元' },
        { item: '资料印刷', amountFen: 150_000, basis: '' },
      ],
    });
    expect(budgetTotalFen(content.budget)).toBe(300_000);
    expect(refusal(() => checkContentLimits(civil, content))).toBeNull();
    const over = { ...content, budget: [...content.budget, { item: '交通', amountFen: 1, basis: '' }] };
    expect(refusal(() => checkContentLimits(civil, over))).toEqual({
      code: 'BUDGET_OVER_LIMIT',
      message: '预算合计超过奖补金额上限：合计 3,000.01 元，上限 3,000 元',
    });
  });

  test('in Xuzhou the ceiling depends on the category: 50,000 yuan fits 一流学会 but not 科技服务', () => {
    const budget = [{ item: '专家咨询', amountFen: 5_000_000, basis: '' }];
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'first-class', { budget })))).toBeNull();
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'tech-service', { budget })))?.code).toBe('BUDGET_OVER_LIMIT');
  });

  test('no more lines than the form has', () => {
    const budget = Array.from({ length: 21 }, (_, index) => ({ item: `科目${index}`, amountFen: 100, basis: '' }));
    expect(refusal(() => checkContentLimits(civil, completeContent(civil, 'award', { budget })))?.message).toBe('输入有误：预算最多 20 行');
  });
});

describe('schedule and team tables', () => {
  const row = { phase: '启动', startsOn: '2023-07-01', endsOn: '2023-07-31', work: '制定方案', owner: '' };
  const member = { name: '李工', age: 45, title: '', employer: '', task: '' };

  test('a team table is refused when the form has none (the society award form)', () => {
    expect(civil.form.team).toBeNull();
    expect(refusal(() => checkContentLimits(civil, completeContent(civil, 'award', { team: [member] })))).toEqual({
      code: 'INVALID_INPUT',
      message: '输入有误：本申报书没有“项目成员”表',
    });
  });

  test('a schedule is refused when the form has none', () => {
    const noSchedule = { ...civil, form: { ...civil.form, schedule: null } };
    expect(refusal(() => checkContentLimits(noSchedule, completeContent(noSchedule, 'award')))).toBeNull();
    expect(refusal(() => checkContentLimits(noSchedule, completeContent(noSchedule, 'award', { schedule: [row] })))?.message).toBe(
      '输入有误：本申报书没有“进度安排”表',
    );
  });

  test('the provincial form takes both, up to its row limits', () => {
    const schedule = Array.from({ length: 10 }, () => row);
    const team = Array.from({ length: 20 }, () => member);
    expect(refusal(() => checkContentLimits(province, completeContent(province, 'society', { schedule, team })))).toBeNull();
    expect(
      refusal(() => checkContentLimits(province, completeContent(province, 'society', { schedule: [...schedule, row] })))?.message,
    ).toBe('输入有误：“进度安排”最多 10 行');
    expect(refusal(() => checkContentLimits(province, completeContent(province, 'society', { team: [...team, member] })))?.message).toBe(
      '输入有误：“项目成员”最多 20 行',
    );
  });

  test('a phase may not end before it starts', () => {
    const backwards = { ...row, startsOn: '2023-08-01', endsOn: '2023-07-31' };
    expect(refusal(() => checkContentLimits(province, completeContent(province, 'society', { schedule: [backwards] })))?.message).toBe(
      '输入有误：进度安排“启动”的结束日期早于开始日期',
    );
  });
});

describe('the schedule lies inside the programme’s period (from the call’s opening to the later of implementation end and final report)', () => {
  // Seed 000's provincial call: opens 2023-06-15, implementation ends 2023-12-31, the final report is due 2024-01-31.
  const row = { phase: '启动', startsOn: '2023-06-15', endsOn: '2024-01-31', work: '制定方案', owner: '' };

  test('a row from the opening day to the report’s due day is accepted', () => {
    expect(refusal(() => checkContentLimits(province, completeContent(province, 'society', { schedule: [row] })))).toBeNull();
  });

  test('a row starting before the call opens, or ending after the report is due, is refused with the period in Chinese', () => {
    const reason = '输入有误：进度安排“启动”的日期须在项目期内（2023年6月15日至2024年1月31日）';
    for (const outside of [
      { ...row, startsOn: '2023-06-14' },
      { ...row, endsOn: '2024-02-01' },
    ]) {
      expect(refusal(() => checkContentLimits(province, completeContent(province, 'society', { schedule: [outside] })))).toEqual({
        code: 'INVALID_INPUT',
        message: reason,
      });
    }
  });
});

describe('category, sub-type, attachments and commitments', () => {
  test('an unknown category or sub-type is refused', () => {
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'innovative', { categoryKey: 'no-such' })))?.message).toBe(
      '输入有误：请选择申报类别',
    );
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'innovative', { subtypeKey: 'no-such' })))?.message).toBe(
      '输入有误：申报子类不存在',
    );
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'innovative', { subtypeKey: 'popsci' })))).toBeNull();
  });

  test('an attachment of a kind the form does not ask for is refused', () => {
    const attachments = [{ key: 'photo', fileId: 'local://evidence/app_1/x.jpg', name: '照片' }];
    expect(refusal(() => checkContentLimits(xuzhou, completeContent(xuzhou, 'first-class', { attachments })))?.message).toBe(
      '输入有误：附件类型“photo”不存在',
    );
  });

  test('commitments name count indicators of the programme, each once', () => {
    const withCommitments = (commitments: { indicatorKey: string; amount: number }[]) => completeContent(civil, 'award', { commitments });
    expect(refusal(() => checkContentLimits(civil, withCommitments([{ indicatorKey: 'satisfaction', amount: 1 }])))?.code).toBe(
      'INDICATOR_UNKNOWN',
    );
    expect(refusal(() => checkContentLimits(civil, withCommitments([{ indicatorKey: 'no-such', amount: 1 }])))?.code).toBe(
      'INDICATOR_UNKNOWN',
    );
    const twice = [
      { indicatorKey: 'published-results', amount: 1 },
      { indicatorKey: 'published-results', amount: 2 },
    ];
    expect(refusal(() => checkContentLimits(civil, withCommitments(twice)))?.message).toBe(
      '输入有误：指标“发布科技服务能力、高新技术、科技成果”重复填写',
    );
  });

  test('a form without indicator commitments takes none', () => {
    const content = completeContent(xuzhou, xuzhou.categories[0].key, { commitments: [{ indicatorKey: 'published-results', amount: 3 }] });
    expect(refusal(() => checkContentLimits(xuzhou, content))?.message).toBe('输入有误：本项目不填写指标承诺');
  });

  test('seed 000 绩效指标: a society commits its own target for every provincial indicator, at least the provincial minimum', () => {
    const below = completeContent(province, 'society', {
      commitments: floorCommitments(province).map((c) => (c.indicatorKey === 'published-results' ? { ...c, amount: 19 } : c)),
    });
    expect(refusal(() => checkContentLimits(province, below))?.message).toBe(
      '输入有误：“发布科技服务能力、高新技术、科技成果”的承诺目标须达到省级要求（至少 20项）',
    );
    const worseRank = completeContent(province, 'society', {
      commitments: floorCommitments(province).map((c) => (c.indicatorKey === 'tfkjy-registered-rank' ? { ...c, amount: 51 } : c)),
    });
    expect(refusal(() => checkContentLimits(province, worseRank))?.message).toContain('前 50 名以内');
    const above = completeContent(province, 'society', {
      commitments: floorCommitments(province).map((c) => (c.indicatorKey === 'papers-recommended' ? { ...c, amount: 20 } : c)),
    });
    expect(refusal(() => checkContentLimits(province, above))).toBeNull();
    const partial = completeContent(province, 'society', { commitments: floorCommitments(province).slice(0, 5) });
    expect(missingForSubmission(province, partial)).toEqual(['指标承诺（尚有 15 项未填）']);
  });

  test('a draft may be saved half-filled: limits are checked, completeness is not', () => {
    expect(refusal(() => checkContentLimits(province, emptyContent('society')))).toBeNull();
  });
});

describe('what is missing before submission', () => {
  test('the provincial form lists everything it asks, in form order, down to the signed declaration', () => {
    expect(missingForSubmission(province, emptyContent('society', { projectName: ' ' }))).toEqual([
      '项目名称',
      '项目申报单位基本情况',
      '重点工作内容及具体举措',
      '项目目标及预期成效',
      '项目实施条件及保障措施',
      '经费预算',
      '进度安排',
      '项目成员',
      '加盖机构鲜章的申报书扫描件（PDF）',
      '相应佐证材料',
      '指标承诺',
      '申报承诺签名',
    ]);
    expect(missingForSubmission(province, completeContent(province, 'society'))).toEqual([]);
  });

  test('the society award asks for indicator commitments; its optional schedule is not missing', () => {
    expect(missingForSubmission(civil, emptyContent('award'))).toEqual(['项目名称', '实施方案', '经费预算', '指标承诺', '申报承诺签名']);
  });

  test('a blank section counts as missing', () => {
    const content = completeContent(province, 'society');
    expect(missingForSubmission(province, { ...content, sections: { ...content.sections, goals: ' \n ' } })).toEqual([
      '项目目标及预期成效',
    ]);
  });

  test('Xuzhou asks for the cooperation agreement and a service point for 科技服务 only', () => {
    const bare = { attachments: [], servicePoint: '' };
    expect(missingForSubmission(xuzhou, completeContent(xuzhou, 'tech-service', bare))).toEqual(['服务点', '项目合作协议']);
    expect(missingForSubmission(xuzhou, completeContent(xuzhou, 'first-class', bare))).toEqual([]);
    expect(missingForSubmission(xuzhou, completeContent(xuzhou, 'think-tank-project', bare))).toEqual([]);
  });

  test('an innovative society names its sub-type', () => {
    expect(missingForSubmission(xuzhou, completeContent(xuzhou, 'innovative', { subtypeKey: null }))).toEqual(['申报子类']);
  });

  test('submission is refused with the list, and accepted once complete', () => {
    const unsigned = completeContent(province, 'society', { declaration: null });
    expect(refusal(() => checkSubmittable(province, unsigned))).toEqual({
      code: 'APPLICATION_INCOMPLETE',
      message: '申报书尚未填写完整：请填写申报承诺签名',
    });
    for (const [program, categoryKey] of [
      [civil, 'award'],
      [province, 'society'],
      [suzhou, 'demonstration'],
      [xuzhou, 'tech-service'],
    ] as const) {
      expect(refusal(() => checkSubmittable(program, completeContent(program, categoryKey)))).toBeNull();
    }
  });

  test('limits are judged at submission too', () => {
    const content = completeContent(civil, 'award', { budget: [{ item: '劳务', amountFen: 300_001, basis: '' }] });
    expect(refusal(() => checkSubmittable(civil, content))?.code).toBe('BUDGET_OVER_LIMIT');
  });
});

describe('the application window, judged by the server clock against Shanghai deadlines', () => {
  test('the society call is open from its opening to the last second of 31 December in Shanghai', () => {
    const window = applicationWindow(civil, 'award');
    const at = (iso: string) => refusal(() => checkApplicationWindow(window, new Date(iso)))?.code ?? null;
    expect(at('2023-06-24T23:59:59+08:00')).toBe('NOT_OPEN_YET');
    expect(at('2023-06-25T00:00:00+08:00')).toBeNull();
    expect(at('2023-12-31T23:59:59+08:00')).toBeNull();
    expect(at('2023-12-31T15:59:59Z')).toBeNull();
    // The deadline names a second, and a tap within that second still counts.
    expect(at('2023-12-31T15:59:59.999Z')).toBeNull();
    expect(at('2023-12-31T16:00:00Z')).toBe('DEADLINE_PASSED');
    expect(at('2024-01-01T00:00:00+08:00')).toBe('DEADLINE_PASSED');
    expect(isWindowOpen(window, new Date('2023-12-31T16:00:00Z'))).toBe(false);
  });

  test('the refusal tells the deadline in Shanghai time', () => {
    const window = applicationWindow(civil, 'award');
    expect(refusal(() => checkApplicationWindow(window, new Date('2024-01-01T08:00:00Z')))?.message).toBe(
      '申报已截止：截止时间 2023年12月31日 23:59',
    );
    expect(refusal(() => checkApplicationWindow(window, new Date('2023-06-01T00:00:00Z')))?.message).toBe(
      '申报尚未开始：开始时间 2023年6月25日 00:00',
    );
  });

  test('Xuzhou 科技服务 closes on 5 June 2022 while 一流学会 stays open to 10 November', () => {
    const june6 = new Date('2022-06-06T00:00:00+08:00');
    expect(applicationWindow(xuzhou, 'tech-service').deadline).toBe('2022-06-05T23:59:59+08:00');
    expect(isWindowOpen(applicationWindow(xuzhou, 'tech-service'), new Date('2022-06-05T23:59:59+08:00'))).toBe(true);
    expect(refusal(() => checkApplicationWindow(applicationWindow(xuzhou, 'tech-service'), june6))?.code).toBe('DEADLINE_PASSED');
    expect(refusal(() => checkApplicationWindow(applicationWindow(xuzhou, 'think-tank-project'), june6))?.code).toBe('DEADLINE_PASSED');
    expect(refusal(() => checkApplicationWindow(applicationWindow(xuzhou, 'first-class'), june6))).toBeNull();
    expect(
      refusal(() => checkApplicationWindow(applicationWindow(xuzhou, 'first-class'), new Date('2022-11-10T23:59:59+08:00'))),
    ).toBeNull();
    expect(
      refusal(() => checkApplicationWindow(applicationWindow(xuzhou, 'first-class'), new Date('2022-11-11T00:00:00+08:00')))?.code,
    ).toBe('DEADLINE_PASSED');
  });

  test('without a category the programme’s own deadline applies', () => {
    expect(applicationWindow(xuzhou, null)).toEqual({ opensAt: '2022-04-29T00:00:00+08:00', deadline: '2022-11-10T23:59:59+08:00' });
  });

  test('a programme is open while any of its categories is', () => {
    expect(isProgramOpen(xuzhou, new Date('2022-04-28T23:59:59+08:00'))).toBe(false);
    expect(isProgramOpen(xuzhou, new Date('2022-08-01T10:00:00+08:00'))).toBe(true);
    expect(isProgramOpen(xuzhou, new Date('2022-11-11T00:00:00+08:00'))).toBe(false);
  });
});
