import fc from 'fast-check';
import { formatFen, formatYuan, parseYuan, sumFen, yuanToFen } from '@/core/money';

test('what people type becomes fen, and nonsense is refused', () => {
  expect(parseYuan('3000')).toBe(300_000);
  expect(parseYuan('1,200.5')).toBe(120_050);
  expect(parseYuan('800.05')).toBe(80_005);
  expect(parseYuan(' 12 ')).toBe(1_200);
  expect(parseYuan('０')).toBeNull();
  expect(parseYuan('12.345')).toBeNull();
  expect(parseYuan('-5')).toBeNull();
  expect(parseYuan('')).toBeNull();
  expect(parseYuan('三千')).toBeNull();
});

test('amounts are shown in yuan with separators', () => {
  expect(formatYuan(300_000)).toBe('3,000 元');
  expect(formatYuan(10_000_000)).toBe('100,000 元');
  expect(formatYuan(80_005)).toBe('800.05 元');
  expect(formatFen(-150)).toBe('-1.50');
  expect(yuanToFen(0.1 + 0.2)).toBe(30);
});

test('formatting then parsing gives back the same fen (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
      expect(parseYuan(formatFen(fen))).toBe(fen);
    }),
  );
});

test('sums in fen are exact where sums in yuan would drift (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 50 }), (amounts) => {
      const total = sumFen(amounts);
      expect(Number.isInteger(total)).toBe(true);
      expect(total).toBe(amounts.reduce((a, b) => a + b, 0));
    }),
  );
});
