import { formatShanghaiDate, formatShanghaiDateTime, shanghaiToUtcIso } from '@/core/calendar/shanghai';
import { evidencePath, fileBelongsToApplication, storagePathOf } from '@/core/evidence/file-ids';
import { AppError, errorMessages } from '@/core/errors';
import { rollUpIndicators } from '@/core/kpi/rollup';
import { programConfigSchema } from '@/core/program/program-schema';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';

test('Shanghai wall-clock times are stored as UTC and shown back in Shanghai time', () => {
  expect(shanghaiToUtcIso('2023-12-31 23:59:59')).toBe('2023-12-31T15:59:59.000Z');
  expect(formatShanghaiDateTime('2023-12-31T15:59:59.000Z')).toBe('2023年12月31日 23:59');
  expect(formatShanghaiDate('2023-09-26T16:00:00.000Z')).toBe('2023年9月27日');
});

test('evidence file IDs are accepted only inside their own application folder', () => {
  expect(storagePathOf('cloud://env-1a2b.7465-env-1a2b-123/evidence/app_1/x.jpg')).toBe('evidence/app_1/x.jpg');
  expect(fileBelongsToApplication('cloud://env.bucket/evidence/app_1/x.jpg', 'app_1')).toBe(true);
  expect(fileBelongsToApplication('local://evidence/app_1/x.jpg', 'app_1')).toBe(true);
  expect(fileBelongsToApplication('local://evidence/app_10/x.jpg', 'app_1')).toBe(false);
  expect(fileBelongsToApplication('local://evidence/app_1/../app_2/x.jpg', 'app_1')).toBe(false);
  expect(fileBelongsToApplication('https://example.com/evidence/app_1/x.jpg', 'app_1')).toBe(false);
  expect(evidencePath('app_1', 'abc', 'JPG')).toBe('evidence/app_1/abc.jpg');
  expect(evidencePath('app_1', 'abc', '../exe')).toBe('evidence/app_1/abc.jpg');
});

test('every error code has a Chinese message, and details are appended', () => {
  for (const message of Object.values(errorMessages)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  expect(new AppError('DEADLINE_PASSED', '截止时间 2023年12月31日 23:59').message).toBe('申报已截止：截止时间 2023年12月31日 23:59');
});

test('the society programme is valid configuration: 30 × 3,000 yuan within a 100,000 yuan pool, 19 linked indicators', () => {
  const program = programConfigSchema.parse(sichuanCivil2023);
  expect(program.quota * program.awardAmountFen).toBe(9_000_000);
  expect(program.poolFen).toBe(10_000_000);
  expect(program.indicators).toHaveLength(19);
  const published = program.indicators.find((indicator) => indicator.key === 'published-results');
  expect(published).toMatchObject({ target: 30, upstream: { minimum: 20 } });
  for (const indicator of program.indicators)
    expect(indicator.target).toBeGreaterThanOrEqual(indicator.kind === 'rank' ? 0 : indicator.upstream!.minimum);
});

test('a programme whose awards exceed its pool is refused as configuration', () => {
  const result = programConfigSchema.safeParse({ ...sichuanCivil2023, quota: 34 });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe('奖补名额 × 单项金额 超过资金池');
});

test('the roll-up sums commitments and claims of approved awards only', () => {
  const program = programConfigSchema.parse(sichuanCivil2023);
  const applications = [
    { _id: 'a', status: 'approved' as const, commitments: [{ indicatorKey: 'tech-services', amount: 12 }] },
    { _id: 'b', status: 'approved' as const, commitments: [{ indicatorKey: 'tech-services', amount: 9 }] },
    { _id: 'c', status: 'submitted' as const, commitments: [{ indicatorKey: 'tech-services', amount: 50 }] },
  ];
  const claims = [
    { applicationId: 'a', indicatorKey: 'tech-services', amount: 4 },
    { applicationId: 'c', indicatorKey: 'tech-services', amount: 7 },
  ];
  const row = rollUpIndicators(program, applications, claims).find((r) => r.key === 'tech-services');
  expect(row).toMatchObject({ target: 20, provinceMinimum: 10, committed: 21, claimed: 4, committedCoversTarget: true });
});
