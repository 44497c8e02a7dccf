import { formatShanghaiDate, formatShanghaiDateTime, shanghaiToUtcIso } from '@/core/calendar/shanghai';
import { fileBelongsToApplication, slotPath, storagePathOf } from '@/core/evidence/file-ids';
import { MAX_UPLOAD_BYTES, servedAs, uploadExtensionOf, uploadRefusal } from '@/core/evidence/upload-rules';
import { AppError, errorMessages } from '@/core/errors';
import { rollUpIndicators } from '@/core/kpi/rollup';
import { guaranteedFen, programConfigSchema, totalQuota } from '@/core/program/program-schema';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';
import type { Application, Claim } from '@/core/schemas/documents';
import { applicationStatuses, type ApplicationStatus } from '@/core/workflow/award-workflow';
import { programFrom } from './factories';

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
  expect(slotPath('app_1', 'u_user-1', 'abc', 'jpg')).toBe('evidence/app_1/u_user-1/abc.jpg');
});

test('an upload is judged by its sniffed bytes and its size: 10 MB is accepted, one byte more is not', () => {
  expect(uploadRefusal('jpg', 'image/jpeg', MAX_UPLOAD_BYTES)).toBeNull();
  expect(uploadRefusal('jpg', 'image/jpeg', MAX_UPLOAD_BYTES + 1)).toBe('文件不能超过 10 MB');
  expect(uploadRefusal('pdf', 'image/jpeg', 100)).toMatch(/^文件内容不是允许的类型，只能上传照片（JPEG、PNG、WebP、HEIC）、PDF/);
  expect(uploadRefusal('jpg', null, 100)).toMatch(/只能上传/);
  expect(uploadRefusal('doc', 'application/x-cfb', 100)).toBeNull();
  expect(uploadExtensionOf('报告.PDF')).toBe('pdf');
  expect(uploadExtensionOf('page.html')).toBeNull();
  expect(uploadExtensionOf('logo.svg')).toBeNull();
  expect(servedAs('image/png')).toEqual({ contentType: 'image/png', inline: true });
  expect(servedAs('application/pdf')).toEqual({ contentType: 'application/pdf', inline: false });
  expect(servedAs(null)).toEqual({ contentType: 'application/octet-stream', inline: false });
});

test('every error code has a Chinese message, and details are appended', () => {
  for (const message of Object.values(errorMessages)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  expect(new AppError('DEADLINE_PASSED', '截止时间 2023年12月31日 23:59').message).toBe('申报已截止：截止时间 2023年12月31日 23:59');
});

describe('the society programme as configuration', () => {
  test('30 × 3,000 yuan within a 100,000 yuan pool, 21 indicators, those linked to a provincial minimum not below it', () => {
    const program = programConfigSchema.parse(sichuanCivil2023);
    const [award] = program.categories;
    expect(award!.quotaMax! * award!.awardAmountFen).toBe(9_000_000);
    expect(totalQuota(program)).toBe(30);
    expect(program.poolFen).toBe(10_000_000);
    expect(program.indicators).toHaveLength(21);
    const published = program.indicators.find((indicator) => indicator.key === 'published-results');
    expect(published).toMatchObject({ target: 30, upstream: { minimum: 20 } });
    for (const indicator of program.indicators.filter((candidate) => candidate.upstream !== null))
      if (indicator.kind === 'rank') expect(indicator.target).toBeLessThanOrEqual(indicator.upstream!.minimum);
      else expect(indicator.target).toBeGreaterThanOrEqual(indicator.upstream!.minimum);
  });

  test('a programme whose guaranteed awards exceed its pool is refused', () => {
    const [award] = sichuanCivil2023.categories;
    const result = programConfigSchema.safeParse({ ...sichuanCivil2023, categories: [{ ...award!, quotaMin: 34, quotaMax: 34 }] });
    expect(guaranteedFen({ categories: [{ quotaMin: 34, awardAmountFen: 300_000 }] })).toBe(10_200_000);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('各类别名额下限 × 单项金额 超过资金池');
  });

  test('a cap of 34 alone is no error: the pool, not the configuration, stops the 34th award', () => {
    const [award] = sichuanCivil2023.categories;
    expect(programConfigSchema.safeParse({ ...sichuanCivil2023, categories: [{ ...award!, quotaMax: 34 }] }).success).toBe(true);
  });
});

describe('the indicator roll-up the secretariat watches', () => {
  const program = programFrom('sichuan-civil-2023');
  type RolledApplication = Pick<Application, '_id' | 'status' | 'commitments'>;
  type RolledClaim = Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'fileIds'>;

  const award = (id: string, status: ApplicationStatus, amount: number): RolledApplication => ({
    _id: id,
    status,
    commitments: [{ indicatorKey: 'tech-services', amount }],
  });
  const claim = (applicationId: string, amount: number, verification: Claim['verification']): RolledClaim => ({
    applicationId,
    indicatorKey: 'tech-services',
    amount,
    verification,
    fileIds: ['local://evidence/a/photo.jpg'],
  });
  const row = (applications: RolledApplication[], claims: RolledClaim[], key = 'tech-services') =>
    rollUpIndicators(program, applications, claims).find((candidate) => candidate.key === key);

  test('verified claims count toward the target; pending ones are claimed only; rejected ones nowhere', () => {
    const applications = [award('a', 'implementing', 12), award('b', 'paid', 9)];
    const claims = [claim('a', 4, 'verified'), claim('a', 3, 'pending'), claim('a', 5, 'rejected'), claim('b', 6, 'verified')];
    expect(row(applications, claims)).toMatchObject({
      key: 'tech-services',
      name: expect.any(String),
      dimension: 'innovation',
      kind: 'count',
      unit: expect.any(String),
      target: 20,
      provinceMinimum: 10,
      committed: 21,
      claimed: 13,
      pending: 3,
      verified: 10,
      evidence: 2,
      gap: 10,
      committedCoversTarget: true,
    });
  });

  test('only granted awards count: not a submission, not a shortlist, not a failed award', () => {
    const applications = [
      award('granted', 'approved', 5),
      award('submitted', 'submitted', 50),
      award('shortlisted', 'shortlisted', 40),
      award('failed', 'failed', 30),
    ];
    const claims = [claim('granted', 2, 'verified'), claim('submitted', 7, 'verified'), claim('failed', 10, 'verified')];
    expect(row(applications, claims)).toMatchObject({ committed: 5, claimed: 2, verified: 2, gap: 18, committedCoversTarget: false });
  });

  // Written out by hand: from approval until payout, except a failed acceptance.
  const counting: readonly ApplicationStatus[] = [
    'approved',
    'implementing',
    'midtermSubmitted',
    'midtermRectify',
    'midtermPassed',
    'finalSubmitted',
    'inRectification',
    'rectificationSubmitted',
    'accepted',
    'inResultNotice',
    'resultPublished',
    'paid',
    'completed',
  ];
  test.each(applicationStatuses)('an award in status %s counts exactly when it is granted and not failed', (status) => {
    const counts = counting.includes(status);
    expect(row([award('x', status, 3)], [claim('x', 2, 'verified')])).toMatchObject({
      committed: counts ? 3 : 0,
      claimed: counts ? 2 : 0,
      verified: counts ? 2 : 0,
    });
  });

  test('the gap closes at the target and never goes negative', () => {
    expect(row([award('a', 'accepted', 20)], [claim('a', 20, 'verified')])).toMatchObject({ gap: 0, committedCoversTarget: true });
    expect(row([award('a', 'accepted', 25)], [claim('a', 25, 'verified')])).toMatchObject({ verified: 25, gap: 0 });
  });

  test('percent, rank and yes-no indicators are reported at society level, not summed from awards', () => {
    for (const key of ['satisfaction', 'tfkjy-registered-rank', 'studio-open'])
      expect(row([award('a', 'implementing', 1)], [], key)).toMatchObject({
        committed: null,
        claimed: null,
        verified: null,
        gap: null,
        committedCoversTarget: null,
      });
  });

  test('every indicator of the programme has a row, with its target and province minimum', () => {
    const rows = rollUpIndicators(program, [], []);
    expect(rows.map((candidate) => candidate.key)).toEqual(program.indicators.map((indicator) => indicator.key));
    expect(rows.find((candidate) => candidate.key === 'published-results')).toMatchObject({
      target: 30,
      provinceMinimum: 20,
      committed: 0,
      verified: 0,
      gap: 30,
    });
  });
});
