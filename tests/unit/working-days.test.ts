import { getDayDetail, getWorkdaysInRange, isWorkday } from 'chinese-days';
import fc from 'fast-check';
import {
  addCalendarMonths,
  calendarCovers,
  isWorkingDay,
  publicityEndsAtUtc,
  publicityPeriod,
  publicityPeriodText,
} from '@/core/calendar/working-days';
import { formatCalendarDay, formatDaySpan, shanghaiDay } from '@/core/calendar/shanghai';

test('a notice opened on 2023-09-27 for 5 working days skips National Day, counts the make-up Saturday and Sunday, and ends on 10-09', () => {
  const period = publicityPeriod('2023-09-27', 5);
  expect(period).toEqual({
    opensOn: '2023-09-27',
    closesOn: '2023-10-09',
    workingDates: ['2023-09-27', '2023-09-28', '2023-10-07', '2023-10-08', '2023-10-09'],
    fallbackYears: [],
  });
  expect(publicityPeriodText(period)).toBe('公示期 2023年9月27日至2023年10月9日');
});

test('an opening day that is a holiday or weekend is not counted, though the notice still opens that day', () => {
  const period = publicityPeriod('2023-10-01', 5);
  expect(period.opensOn).toBe('2023-10-01');
  expect(period.workingDates).toEqual(['2023-10-07', '2023-10-08', '2023-10-09', '2023-10-10', '2023-10-11']);
  expect(publicityPeriodText(period)).toBe('公示期 2023年10月1日至2023年10月11日');
  expect(publicityPeriod('2023-09-30', 1).closesOn).toBe('2023-10-07');
});

test('a notice across the 2024 Spring Festival skips 02-10…02-17 and counts the make-up Sunday 02-18', () => {
  // The package's own data for the holiday, so the test does not rest on memory.
  for (let day = 10; day <= 17; day++) expect(getDayDetail(`2024-02-${day}`)).toMatchObject({ work: false });
  expect(getDayDetail('2024-02-18')).toMatchObject({ work: true, name: expect.stringContaining('春节') });

  const period = publicityPeriod('2024-02-07', 5);
  expect(period.workingDates).toEqual(['2024-02-07', '2024-02-08', '2024-02-09', '2024-02-18', '2024-02-19']);
  expect(publicityPeriodText(period)).toBe('公示期 2024年2月7日至2024年2月19日');
  expect(isWorkingDay('2024-02-18')).toEqual({ working: true, fallback: false });
  expect(isWorkingDay('2024-02-12')).toEqual({ working: false, fallback: false });
});

test('years without holiday data fall back to Monday–Friday and are reported for a warning', () => {
  expect(calendarCovers(2023)).toBe(true);
  expect(calendarCovers(2004)).toBe(true);
  expect(calendarCovers(2026)).toBe(true);
  expect(calendarCovers(2027)).toBe(false);
  expect(calendarCovers(2003)).toBe(false);

  expect(isWorkingDay('2027-03-05')).toEqual({ working: true, fallback: true }); // a Friday
  expect(isWorkingDay('2027-03-06')).toEqual({ working: false, fallback: true }); // a Saturday
  expect(publicityPeriod('2027-03-05', 3)).toEqual({
    opensOn: '2027-03-05',
    closesOn: '2027-03-09',
    workingDates: ['2027-03-05', '2027-03-08', '2027-03-09'],
    fallbackYears: [2027],
  });
});

test('a 2026 notice that runs into 2027 reports 2027 as a fallback year', () => {
  const period = publicityPeriod('2026-12-28', 10);
  expect(period.workingDates.slice(0, 4)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  expect(period.workingDates).toHaveLength(10);
  expect(period.closesOn).toBe('2027-01-08');
  expect(period.fallbackYears).toEqual([2027]);
  expect(publicityPeriod('2026-12-28', 4).fallbackYears).toEqual([]);
});

test('for any covered start and length, the working dates are exactly the package’s working days from opening to closing', () => {
  const first = Date.UTC(2010, 0, 1);
  const lastOffset = (Date.UTC(2025, 11, 31) - first) / 86_400_000;
  const openingDay = fc
    .integer({ min: 0, max: lastOffset })
    .map((offset) => new Date(first + offset * 86_400_000).toISOString().slice(0, 10));
  fc.assert(
    fc.property(openingDay, fc.integer({ min: 1, max: 20 }), (opensOn, n) => {
      const period = publicityPeriod(opensOn, n);
      expect(period.workingDates).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(period.workingDates[i]! > period.workingDates[i - 1]!).toBe(true);
      for (const date of period.workingDates) expect(isWorkday(date)).toBe(true);
      expect(period.closesOn).toBe(period.workingDates[n - 1]);
      expect(period.workingDates).toEqual(getWorkdaysInRange(opensOn, period.closesOn));
      expect(period.fallbackYears).toEqual([]);
    }),
  );
});

test('a period of 0, 61 or 2.5 working days, or an impossible opening date, is refused', () => {
  for (const workingDays of [0, 61, 2.5, Number.NaN]) expect(() => publicityPeriod('2023-09-27', workingDays)).toThrow(RangeError);
  for (const opensOn of ['2023-13-01', '2023-02-30', '2023-9-27', '']) expect(() => publicityPeriod(opensOn, 5)).toThrow(RangeError);
  expect(publicityPeriod('2023-09-27', 60).workingDates).toHaveLength(60);
});

test('the notice stays open until midnight in Shanghai after its closing day', () => {
  const endsAt = publicityEndsAtUtc('2023-10-09');
  expect(endsAt).toBe('2023-10-09T16:00:00.000Z');
  expect(shanghaiDay(new Date(Date.parse(endsAt) - 1))).toBe('2023-10-09');
  expect(shanghaiDay(endsAt)).toBe('2023-10-10');
  expect(publicityEndsAtUtc('2023-12-31')).toBe('2023-12-31T16:00:00.000Z');
});

test('days are shown in Chinese without zero padding, and instants map to their Shanghai day', () => {
  expect(formatCalendarDay('2023-09-27')).toBe('2023年9月27日');
  expect(formatCalendarDay('2024-01-05')).toBe('2024年1月5日');
  expect(formatDaySpan('2023-07-01', '2023-09-30')).toBe('2023年7月1日至2023年9月30日');
  expect(shanghaiDay('2023-09-26T16:00:00.000Z')).toBe('2023-09-27');
  expect(shanghaiDay('2023-09-26T15:59:59.999Z')).toBe('2023-09-26');
  expect(() => shanghaiDay('not a time')).toThrow(RangeError);
});

test('a one-month rectification window ends on the same day next month, or on the month’s last day', () => {
  expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
  expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
  expect(addCalendarMonths('2023-12-15', 1)).toBe('2024-01-15');
  expect(() => addCalendarMonths('2024-02-30', 1)).toThrow(RangeError);
});
