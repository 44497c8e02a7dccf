// The unit import's header and row rules, off the api: columns found by their header in any order, and every
// cell read as a person would have meant it, or named in a reason.
import { importColumns, judgeImportRows, locateColumns, type ImportRow } from '@/core/organization/import-sheet';

const headers = importColumns('society').map((column) => column.header);

test('columns are found by their header in any order, the required mark and full-width spaces aside', () => {
  const shuffled = ['备注', ...[...headers].reverse().map((header) => header.replace('*', '')), '　'];
  const located = locateColumns('society', shuffled);
  expect(located).toMatchObject({ positions: { name: shuffled.indexOf('单位名称'), hasSocietyDay: 1 } });
  expect(
    locateColumns(
      'society',
      headers.filter((header) => !header.startsWith('地址') && !header.startsWith('年检')),
    ),
  ).toEqual({
    missing: ['地址', '年检结论'],
  });
});

const row = (cells: ImportRow['cells'], number = 2): ImportRow => ({
  row: number,
  cells: { name: '青年工作委员会', kind: '分支机构', ...cells },
});

test('a name keeps its full-width brackets while choices are read loosely', () => {
  const { units, refused } = judgeImportRows(
    'society',
    [row({ name: '青年工作委员会（筹）', rating: 'aaa级', ratingYear: '2023年', canIssueTaxInvoice: 'Y', hasSocietyDay: false })],
    new Set(),
  );
  expect(refused).toEqual([]);
  expect(units[0]!.unit).toMatchObject({
    name: '青年工作委员会（筹）',
    profile: { rating: '3A', ratingYear: 2023, canIssueTaxInvoice: true },
  });
});

test('an inspection year without its result, and the reverse, are each refused; so is a year out of range', () => {
  const { refused } = judgeImportRows(
    'society',
    [row({ inspectionYear: 2024 }, 2), row({ name: '乙', inspectionResult: '合格' }, 3), row({ name: '丙', ratingYear: 1999 }, 4)],
    new Set(),
  );
  expect(refused.map((entry) => [entry.row, entry.reasons])).toEqual([
    [2, ['年检结论：填写了年检年份，请同时填写年检结论']],
    [3, ['最近年检年份：填写了年检结论，请同时填写年检年份']],
    [4, [expect.stringMatching(/^评估年份：/)]],
  ]);
});
