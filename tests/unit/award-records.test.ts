// What an award's records may come to and how their forms start; which notices a programme runs; when a report
// owed is due once extended; where an ended award's timeline ends.
import { amountDueFen } from '@/core/award/amounts-due';
import { inNoticeStatus, kindOf, listedStatuses, noticeKinds, noticeKindsOf } from '@/core/publicity/notice-kinds';
import { reportDeadline } from '@/core/workflow/transition';
import { deadlineOf, extensionStart, yuanField } from '@/features/admin/award-records';
import { chineseDay, chineseDayAfterMonths, shanghaiDayOf } from '@/features/admin/dates';
import { timeline } from '@/features/apply/next-step';
import { programFrom } from './factories';

const notice = { workingDays: 5, minWorkingDays: 5 };

describe('amounts due', () => {
  const award = { awardFen: 300_000, failure: null, advance: null };

  test('after 立项 the advance share, after acceptance the rest (seed 002: 立项后拨付 on the agreement)', () => {
    expect(amountDueFen('disburse', award, { advancePercent: 50 })).toBe(150_000);
    expect(amountDueFen('pay', award, { advancePercent: 50 })).toBe(150_000);
    expect(amountDueFen('pay', award, { advancePercent: 0 })).toBe(300_000);
    expect(amountDueFen('disburse', award, { advancePercent: 100 })).toBe(300_000);
    expect(amountDueFen('pay', { ...award, awardFen: null }, { advancePercent: 0 })).toBeNull();
  });

  test('a refund is what failing recorded as owed', () => {
    const failure = { refundDueFen: 120_000, fundingWithdrawn: false, barredYear: 2024, text: '' };
    expect(amountDueFen('recordRefund', { ...award, failure }, { advancePercent: 50 })).toBe(120_000);
  });
});

describe('the forms’ starting values', () => {
  test('the yuan field shows whole yuan without decimals, cents where there are some', () => {
    expect(yuanField(150_000)).toBe('1500');
    expect(yuanField(12_345_605)).toBe('123456.05');
    expect(yuanField(null)).toBe('');
  });

  test('a deadline picked as a Shanghai day and minute lasts to the end of that minute, stored in UTC', () => {
    expect(deadlineOf('2023-10-20', '23:59')).toBe('2023-10-20T15:59:59.000Z');
    expect(deadlineOf('2024-01-01', '07:30')).toBe('2023-12-31T23:30:59.000Z');
  });

  test('an extension starts two weeks after the current due time, or after now where that has passed', () => {
    expect(extensionStart('2023-09-30T15:59:59.000Z', '2023-09-01T01:00:00.000Z')).toEqual({ day: '2023-10-14', time: '23:59' });
    expect(extensionStart('2023-09-30T15:59:59.000Z', '2023-10-08T01:00:00.000Z')).toEqual({ day: '2023-10-22', time: '23:59' });
    expect(extensionStart(null, '2023-10-08T01:00:00.000Z')).toEqual({ day: '2023-10-22', time: '23:59' });
  });
});

describe('kinds of notice', () => {
  test('a programme runs the notices its stages have (Xuzhou, seed 003: both; Suzhou, seed 001: results only)', () => {
    expect(noticeKindsOf({ shortlistNotice: notice, resultNotice: notice })).toEqual(['shortlist', 'result']);
    expect(noticeKindsOf({ shortlistNotice: null, resultNotice: notice })).toEqual(['result']);
    expect(noticeKindsOf({ shortlistNotice: null, resultNotice: null })).toEqual([]);
  });

  test('each kind lists, holds and closes its awards by the workflow table', () => {
    expect([listedStatuses('shortlist'), inNoticeStatus('shortlist'), noticeKinds.shortlist.closing]).toEqual([
      ['shortlisted'],
      'inPublicity',
      'approve',
    ]);
    expect([listedStatuses('result'), inNoticeStatus('result'), noticeKinds.result.closing]).toEqual([
      ['accepted'],
      'inResultNotice',
      'confirmResult',
    ]);
    // Notices stored before result notices existed are shortlist notices.
    expect(kindOf({})).toBe('shortlist');
  });
});

describe('report deadlines', () => {
  const program = programFrom('sichuan-civil-2023');
  const context = { stages: program.stages, finalReportDueAt: '2024-01-15T15:59:59.000Z' };
  const subject = {
    status: 'midtermPassed' as const,
    orgId: 'org',
    outcomes: { check: null, review: null, publicity: null, midterm: null, final: null },
  };

  test('an extension later than the due time moves the deadline; an earlier one does not', () => {
    expect(reportDeadline(subject, context)?.lastAt).toBe('2024-01-15T15:59:59.000Z');
    expect(reportDeadline({ ...subject, extension: { until: '2024-02-01T15:59:59.000Z' } }, context)?.lastAt).toBe(
      '2024-02-01T15:59:59.000Z',
    );
    expect(reportDeadline({ ...subject, extension: { until: '2023-12-01T15:59:59.000Z' } }, context)?.lastAt).toBe(
      '2024-01-15T15:59:59.000Z',
    );
  });
});

describe('the applicant’s timeline', () => {
  test('a completed award ends on a done payout step; a failed one on an ended acceptance step', () => {
    const states = (status: 'completed' | 'failed') => timeline({ stage: 'closed', status }).map((step) => `${step.label}:${step.state}`);
    expect(states('completed').slice(-2)).toEqual(['验收:done', '奖补发放:done']);
    expect(states('failed').slice(-2)).toEqual(['验收:ended', '奖补发放:todo']);
  });
});

describe('dates as people write them (src/features/admin/dates.ts)', () => {
  test('an instant is the Shanghai day it falls on, written 2023年7月3日, never as an ISO date', () => {
    // 2023-07-02 17:00 UTC is already 3 July in Shanghai.
    expect(shanghaiDayOf('2023-07-02T17:00:00.000Z')).toBe('2023-07-03');
    expect(chineseDay('2023-07-03')).toBe('2023年7月3日');
  });

  test('a period of whole months from an instant ends on the day people count to (the agreement’s implementation period)', () => {
    expect(chineseDayAfterMonths('2023-07-03T01:00:00.000Z', 1)).toBe('2023年8月3日');
    expect(chineseDayAfterMonths('2023-07-03T01:00:00.000Z', 12)).toBe('2024年7月3日');
    // From 31 January one month on is the end of February, not a day in March.
    expect(chineseDayAfterMonths('2024-01-31T02:00:00.000Z', 1)).toBe('2024年2月29日');
  });
});
