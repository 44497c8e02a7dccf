// What people read: scoring bands per criterion, the expert's next task and deadline, blind names, the receipt and
// 立项 messages, organisers named by kind, the empty list and board, and finding an objection by its receipt number.
import { bandOf, bandsText, criterionBands, evenBands } from '@/core/review/bands';
import { anonymousExpert, rankingPublished, withoutNames } from '@/core/review/blind';
import { receiptMatches } from '@/core/publicity/objection-rules';
import { organiserWord, roleLabelFor } from '@/core/schemas/labels';
import { statusChangeMessage, submissionReceipt } from '@/core/workflow/messages';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';
import { boardHeadline } from '@/features/admin/indicator-progress';
import { noApplicationsText } from '@/features/apply/no-applications';
import { nextTask, reviewDueText } from '@/features/review/review-tasks';

describe('scoring bands', () => {
  // No seed document describes bands (seeds 000–004 give criteria at most): the experts see even bands, said so.
  test('derived evenly from the maximum, best first, covering every score once', () => {
    expect(bandsText(evenBands(20))).toBe('优 15–20 · 良 10–14 · 中 5–9 · 差 0–4');
    expect(bandsText(evenBands(100))).toBe('优 75–100 · 良 50–74 · 中 25–49 · 差 0–24');
    for (const criterion of sichuanCivil2023.reviewCriteria) expect(criterionBands(criterion).derived).toBe(true);
  });

  test("a criterion's own bands are used as given, best first", () => {
    const bands = [
      { label: '良', min: 14, max: 17, text: '' },
      { label: '优', min: 18, max: 20, text: '材料翔实' },
      { label: '差', min: 0, max: 13, text: '' },
    ];
    const own = criterionBands({ maxScore: 20, bands });
    expect(own.derived).toBe(false);
    expect(bandsText(own.bands)).toBe('优 18–20 · 良 14–17 · 差 0–13');
  });

  test('the band of a score typed, a half point falling in the lower band', () => {
    const bands = evenBands(20);
    expect([20, 15, 14.5, 0].map((score) => bandOf(bands, score)?.label)).toEqual(['优', '优', '良', '差']);
    expect(bandOf(bands, Number.NaN)).toBeNull();
  });
});

describe('the expert', () => {
  const task = (_id: string, status: 'assigned' | 'declared' | 'submitted' | 'withdrawn') => ({ _id, status });

  test('after a score, the next task is one started, then one not started; none when all are done', () => {
    const tasks = [task('a', 'submitted'), task('b', 'assigned'), task('c', 'declared'), task('d', 'withdrawn')];
    expect(nextTask(tasks, 'a')?._id).toBe('c');
    expect(nextTask(tasks, 'c')?._id).toBe('b');
    expect(nextTask([task('a', 'submitted'), task('d', 'withdrawn')], 'a')).toBeNull();
  });

  test('the deadline reads as a date, and says when it has passed', () => {
    const dueAt = '2023-07-10T23:59:59+08:00';
    expect(reviewDueText(dueAt, new Date('2023-07-10T23:59:59.500+08:00'))).toBe('请于2023年7月10日 23:59前完成评审');
    expect(reviewDueText(dueAt, new Date('2023-07-11T00:00:01+08:00'))).toBe('评审已于2023年7月10日 23:59截止，如需延期请联系秘书处');
    expect(reviewDueText(null, new Date())).toBeNull();
  });

  test('other experts are unnamed until the ranking is published (the review stage is over)', () => {
    expect(rankingPublished('underReview')).toBe(false);
    expect(rankingPublished('shortlisted')).toBe(true);
    expect(rankingPublished('notSelected')).toBe(true);
    const other = { _id: 'review_app1_user-zhao', reviewerId: 'user-zhao', reviewerName: '赵教授', total: 80 };
    const hidden = withoutNames(other, 2);
    expect(JSON.stringify(hidden)).not.toMatch(/zhao|赵/);
    expect([hidden.reviewerName, hidden.total]).toEqual([anonymousExpert(2), 80]);
    expect(anonymousExpert(2)).toBe('专家B');
  });
});

describe('messages', () => {
  test('the submission receipt gives the time received and what happens next', () => {
    expect(submissionReceipt('2023-07-03T01:05:00Z')).toBe(
      '已于2023年7月3日 09:05收到。下一步：秘书处进行形式审查，结果会通过消息告诉您；审查开始前如需修改，可先撤回申报。',
    );
  });

  // Seed 002 (the provincial call): the award is paid after 立项 and the signed agreement.
  test('立项 tells the amount and the dates; the secretariat and other changes keep the short form', () => {
    const program = {
      implementationEndsAt: '2023-12-31T23:59:59+08:00',
      finalReportDueAt: '2024-01-31T23:59:59+08:00',
      stages: {
        ...sichuanCivil2023.stages,
        agreement: true,
        advancePercent: 100,
        midterm: { categories: [], dueAt: '2023-09-30T23:59:59+08:00' },
      },
    };
    const facts = { at: '2023-07-20T02:00:00Z', awardFen: 20_000_000, program };
    expect(statusChangeMessage('approve', 'approved', 'applicant', '一流学会培育', null, facts).body).toBe(
      '已立项，等待立项通知。奖补金额200,000 元。下一步：签订项目实施协议。立项后拨付奖补金额的100%，其余验收后拨付。中期检查材料请于2023年9月30日前提交。项目实施至2023年12月31日，结项报告请于2024年1月31日前提交。',
    );
    expect(statusChangeMessage('approve', 'approved', 'secretariat', '一流学会培育', null, facts).body).toBe('已立项，待下达通知');
    expect(statusChangeMessage('return', 'returned', 'applicant', '一流学会培育', '补充预算', facts).body).toBe(
      '已退回，请修改后重新提交。意见：补充预算',
    );
  });
});

describe('organisers and empty screens', () => {
  test('a 科协 is called a 科协, its secretariat 科协秘书处', () => {
    expect([organiserWord('association'), organiserWord('society')]).toEqual(['科协', '学会']);
    expect(roleLabelFor('secretariat', 'association')).toBe('科协秘书处');
    expect(roleLabelFor('secretariat', 'society')).toBe('学会秘书处');
    expect(roleLabelFor('reviewer', 'association')).toBe('评审专家');
  });

  test('an empty list offers 新建申报 only when a call is open, else says when the next opens', () => {
    const call = { name: '2024年度提升计划', opensAt: '2024-03-01T00:00:00+08:00', windowOpen: false, serverNow: '2023-12-01T00:00:00Z' };
    expect(noApplicationsText([{ ...call, windowOpen: true }])).toContain('点击下方“新建申报”');
    expect(noApplicationsText([call])).toBe('还没有申报。2024年度提升计划将于2024年3月1日开始申报，届时可在此新建申报。');
    const closed = noApplicationsText([{ ...call, opensAt: '2023-03-01T00:00:00+08:00' }]);
    expect(closed).toBe('还没有申报。当前没有正在接受申报的项目。');
    expect(closed).not.toContain('新建申报');
    expect(noApplicationsText([])).toBe('还没有申报，暂无可申报的项目。');
  });

  test('a board with nothing to judge never says every indicator is fine', () => {
    const row = (achieved: number | null, risk: 'behind' | null = null) => ({ achieved, pending: null, risk });
    expect(boardHeadline([], 30)).toBe('本项目未设置绩效指标');
    expect(boardHeadline([row(null), row(0)], 30)).toBe('尚无完成数据：还没有填报或核实的指标完成情况');
    expect(boardHeadline([row(3), row(null)], 30)).toBe('1 / 2 项指标已有完成数据，其余尚无数据');
    expect(boardHeadline([row(3), row(5)], 30)).toBe('各项指标均已达标或进度正常');
    expect(boardHeadline([row(3, 'behind'), row(5)], 30)).toBe('1 项指标需要关注（剩 30 天）');
  });
});

test('the secretariat finds an objection by the receipt number a caller quotes, however it is said', () => {
  const receipt = 'YY-20230703-007';
  for (const quoted of ['YY-20230703-007', 'yy20230703007', '20230703-007', '０７０３００７', '007', '']) {
    expect([quoted, receiptMatches(receipt, quoted)]).toEqual([quoted, true]);
  }
  expect(receiptMatches(receipt, 'YY-20230703-008')).toBe(false);
  expect(receiptMatches(null, '007')).toBe(false);
});
