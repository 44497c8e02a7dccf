// The programme's period (src/core/program/period.ts): the one rule the schedule pickers, the settings form and the
// server all ask.
import { instantPeriodIssue, periodText, programPeriod, scheduleRowPeriodIssue } from '@/core/program/period';
import { programFrom } from './factories';

test('the period runs from the call’s Shanghai opening day to the later of implementation end and final report', () => {
  // Seed 001 (Suzhou): the final report (2022-10-31) is due before implementation ends (2022-12-31).
  expect(programPeriod(programFrom('suzhou-2022'))).toEqual({ from: '2022-01-21', to: '2022-12-31' });
  // Seed 004 (Sichuan civil society): the final report (2024-01-15) comes after implementation ends (2023-12-31).
  const civil = programFrom('sichuan-civil-2023');
  expect(programPeriod(civil)).toEqual({ from: '2023-06-25', to: '2024-01-15' });
  expect(periodText(programPeriod(civil)!)).toBe('2023年6月25日至2024年1月15日');
  // Days are Shanghai days: 16:00 UTC is already the next day there.
  expect(programPeriod({ ...civil, opensAt: '2023-06-30T16:00:00.000Z' })?.from).toBe('2023-07-01');
  // A half-filled form has no period yet, and nothing is refused against it.
  expect(programPeriod({ ...civil, opensAt: '' })).toBeNull();
  expect(scheduleRowPeriodIssue({ startsOn: '1999-01-01', endsOn: '1999-01-02' }, null)).toBeNull();
});

test('both ends of the period are inside it; the day before and the day after are not', () => {
  const period = { from: '2023-07-03', to: '2024-01-15' };
  expect(scheduleRowPeriodIssue({ startsOn: '2023-07-03', endsOn: '2024-01-15' }, period)).toBeNull();
  expect(scheduleRowPeriodIssue({ startsOn: '2023-07-01', endsOn: '2023-07-31' }, period)).toBe(
    '日期须在项目期内（2023年7月3日至2024年1月15日）',
  );
  expect(scheduleRowPeriodIssue({ startsOn: '2023-07-03', endsOn: '2024-01-16' }, period)).not.toBeNull();
  expect(instantPeriodIssue('中期报告截止时间', '2024-01-15T23:59:59+08:00', period)).toBeNull();
  expect(instantPeriodIssue('中期报告截止时间', '2024-01-15T16:00:00.000Z', period)).toBe(
    '中期报告截止时间须在项目期内（2023年7月3日至2024年1月15日）',
  );
  expect(instantPeriodIssue('中期报告截止时间', null, period)).toBeNull();
});
