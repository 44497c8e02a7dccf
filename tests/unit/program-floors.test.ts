// A programme's floors: each indicator's target against the provincial minimum it is linked to (a rank the
// other way round), the notice against the shortest the document allows, and a draft's dates before it goes live.
import { publicityFloorIssue, publishIssue, upstreamFloorIssue, type Indicator } from '@/core/program/program-schema';

const linked = (kind: Indicator['kind'], target: number, minimum: number, unit = '项') => ({
  name: '指标',
  kind,
  unit,
  target,
  upstream: { programCode: 'province', indicatorKey: 'k', minimum },
});

test('a count, percent or yes/no reaches at least the minimum; a rank is the minimum or better', () => {
  expect(upstreamFloorIssue(linked('count', 3, 3))).toBeNull();
  expect(upstreamFloorIssue(linked('count', 2, 3, '篇'))).toBe('“指标”的目标不能低于上级项目的要求（至少 3篇）');
  expect(upstreamFloorIssue(linked('percent', 79, 80))).toBe('“指标”的目标不能低于上级项目的要求（至少 80%）');
  expect(upstreamFloorIssue(linked('yesno', 0, 1))).toBe('“指标”的目标不能低于上级项目的要求（须为“是”）');
  expect(upstreamFloorIssue(linked('rank', 50, 50))).toBeNull();
  expect(upstreamFloorIssue(linked('rank', 10, 50))).toBeNull();
  expect(upstreamFloorIssue(linked('rank', 51, 50))).toBe('“指标”的目标不能低于上级项目的要求（前 50 名以内）');
  expect(upstreamFloorIssue({ ...linked('count', 0, 3), upstream: null })).toBeNull();
});

test('a notice may be as long as the floor or longer, never shorter', () => {
  expect(publicityFloorIssue({ workingDays: 5, minWorkingDays: 5 })).toBeNull();
  expect(publicityFloorIssue({ workingDays: 4, minWorkingDays: 5 })).toBe('公示期不能少于 5 个工作日（本项目文件规定）');
});

test('a draft is published only when none of its dates has passed, naming those that have', () => {
  const dates = {
    deadline: '2023-08-31T23:59:59+08:00',
    implementationEndsAt: '2023-12-31T23:59:59+08:00',
    finalReportDueAt: '2024-01-15T23:59:59+08:00',
  };
  expect(publishIssue(dates, new Date('2023-07-03T01:00:00Z'))).toBeNull();
  expect(publishIssue(dates, new Date('2023-09-01T00:00:00+08:00'))).toBe('申报截止时间已过，请先在项目设置中改为今后的时间再发布');
  expect(publishIssue(dates, new Date('2024-02-01T00:00:00+08:00'))).toBe(
    '申报截止时间、实施结束时间、结项报告截止时间已过，请先在项目设置中改为今后的时间再发布',
  );
});
