// Free text people type (titles, sections, reasons, objections…) is stored without control or bidi characters.
import fc from 'fast-check';
import { cleanText, text } from '@/core/schemas/common';

// eslint-disable-next-line no-control-regex -- the characters the cleaner must remove
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
const BIDI_AND_CONTROLS = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];

/** Strings mixing ordinary text (Chinese included) with every kind of character the cleaner handles. */
const messy = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('学会', '申报书', '3,000 元', '😀', '👨‍👩‍👧', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', ...BIDI_AND_CONTROLS),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

test('a reversed file name or an amount hidden by bidi overrides is stored as it really reads', () => {
  expect(cleanText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  expect(cleanText('金额\u2066300\u2069元\u200F')).toBe('金额300元');
  expect(text().min(1).safeParse('\u202E\u0007 ').success).toBe(false);
  expect(text().max(4).parse(' 学会\u0000日 ')).toBe('学会日');
});

test('single-line text turns tabs and line breaks into a space; multi-line text keeps them as \\n and \\t', () => {
  expect(cleanText('第一行\r\n第二行\t尾')).toBe('第一行 第二行 尾');
  expect(cleanText('一、讲座\r\n二、\t科普\r三、\u2028四', true)).toBe('一、讲座\n二、\t科普\n三、\n四');
  expect(text({ multiline: true }).parse('  一\n二  ')).toBe('一\n二');
});

test('no control or bidi character survives, single- or multi-line (property)', () => {
  fc.assert(
    fc.property(messy, fc.boolean(), (value, multiline) => {
      const cleaned = cleanText(value, multiline);
      expect(cleaned).not.toMatch(FORBIDDEN);
      if (!multiline) expect(cleaned).not.toMatch(/[\t\n]/u);
    }),
    { numRuns: 500 },
  );
});

test('cleaning keeps every ordinary character in order and is idempotent (property)', () => {
  fc.assert(
    fc.property(messy, fc.boolean(), (value, multiline) => {
      const cleaned = cleanText(value, multiline);
      expect(cleanText(cleaned, multiline)).toBe(cleaned);
      // Line breaks and tabs may become a space on a single line: compare what is left besides them.
      const ordinary = (input: string) => [...input].filter((char) => !FORBIDDEN.test(char) && !/[\t\n\r ]/u.test(char)).join('');
      expect(ordinary(cleaned)).toBe(ordinary(value));
    }),
    { numRuns: 500 },
  );
});

test('text that needs no cleaning passes through unchanged (property)', () => {
  const plain = fc.string({ unit: 'grapheme' }).map((value) => value.replace(new RegExp(FORBIDDEN, 'gu'), '').replace(/[\t\n\r]/gu, ''));
  fc.assert(
    fc.property(plain, (value) => {
      expect(cleanText(value)).toBe(value);
      expect(cleanText(value, true)).toBe(value);
    }),
    { numRuns: 300 },
  );
});
