// A secretariat imports many units at once from an Excel sheet: all rows or none. Every refused row comes back
// with its reasons and nothing is stored; a repeated call creates nothing twice; files that are not the
// template's sheet are refused whole; only the organiser's own secretariat may import, into its own organiser.
import { MAX_IMPORT_ROWS } from '@/core/organization/import-sheet';
import { MAX_IMPORT_BYTES, type ActionOutput } from '@/core/schemas/actions';
import { OPENID, requestId, startHarness, type Harness } from '../support/harness';
import { startLocalHttp } from '../support/local-http';
import { snapshotStore } from '../support/store-snapshot';
import { UNIT_HEADERS, fillTemplate, unitRow, unitRows, unitSheet, type SheetCell } from '../support/unit-sheets';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const importOf = (bytes: Buffer, id = requestId()) => ({ requestId: id, fileName: '下属单位.xlsx', base64: bytes.toString('base64') });
const imports = (rows: SheetCell[][], openid: string = OPENID.secretary) =>
  unitSheet(rows).then((bytes) => h.raw(openid, 'organization.import', importOf(bytes)));
const answerOf = (result: Awaited<ReturnType<Harness['raw']>>) => {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.data as ActionOutput<'organization.import'>;
};
const unitsOf = async (societyId = 'org-scceas') => (await h.store.find('organizations', { societyId })).map((org) => org.name);

test('30 units import from an Excel file in one step, each with its audit entry', async () => {
  const before = await unitsOf();
  const answer = answerOf(await imports(unitRows(30)));
  expect(answer.imported).toBe(30);
  expect(answer.refused).toEqual([]);
  expect(answer.organizations.map((org) => org.name)).toEqual(unitRows(30).map((row) => row[0]));
  expect(answer.organizations[0]).toMatchObject({
    kind: 'branch',
    societyId: 'org-scceas',
    contactPhone: '028-87654321',
    address: '成都市武侯区一环路南一段 24 号',
    profile: {
      rating: '3A',
      ratingYear: 2022,
      inspections: [{ year: 2024, result: '合格' }],
      canIssueTaxInvoice: true,
      hasSocietyDay: false,
    },
  });
  expect(answer.organizations[1]!.kind).toBe('memberUnit');
  const listed = await h.as(OPENID.secretary, 'organization.list', {});
  expect(listed).toHaveLength(before.length + 30);
  // Created in one instant, they list in the sheet's order after the units there were.
  expect(listed.slice(before.length).map((org) => org.name)).toEqual(answer.organizations.map((org) => org.name));
  for (const org of answer.organizations) {
    const audit = await h.store.find('audit', { entityId: org._id });
    expect(audit.map((entry) => [entry.action, entry.actorRole, entry.reason])).toEqual([
      ['import', 'secretariat', expect.stringMatching(/^从 Excel 导入：下属单位\.xlsx 第 \d+ 行$/)],
    ]);
  }
});

test('a sheet with 3 bad rows among 30 imports nothing and names exactly those rows with their reasons', async () => {
  const rows = unitRows(30);
  rows[4] = unitRow('', { kind: '分支机构' }); // Excel row 6: no name
  rows[11] = unitRow('评估等级有误的委员会', { rating: '6A', phone: '12345', result: '优秀' }); // row 13
  rows[20] = unitRow(String(rows[0]![0])); // row 22: the name of row 2
  const before = await snapshotStore(h.store);
  const answer = answerOf(await imports(rows));
  expect(answer.imported).toBe(0);
  expect(answer.organizations).toEqual([]);
  expect(answer.refused).toEqual([
    { row: 2, name: '导入测试专业委员会1', reasons: ['单位名称：与第 22 行重名'] },
    { row: 6, name: '', reasons: ['单位名称：请填写单位名称'] },
    {
      row: 13,
      name: '评估等级有误的委员会',
      reasons: [
        '社会组织评估等级：“6A”应为 1A–5A 之一，未评估留空',
        '年检结论：“优秀”应为合格、基本合格或不合格',
        expect.stringMatching(/^联系电话：请填写正确的联系电话/),
      ],
    },
    { row: 22, name: '导入测试专业委员会1', reasons: ['单位名称：与第 2 行重名'] },
  ]);
  expect(await snapshotStore(h.store)).toEqual(before);
});

test('a name already used by a unit of the organiser, a kind it does not manage, and unreadable values are each a reason', async () => {
  const answer = answerOf(
    await imports([
      unitRow('学术工作委员会'),
      unitRow('四川省力学学会', { kind: '学会' }),
      unitRow('不知何类', { kind: '协会' }),
      unitRow('年份有误的委员会', { ratingYear: '去年', invoice: '也许' }),
      unitRow('全角等级的委员会', { rating: 'ＡＡＡＡ', kind: '专业委员会', societyDay: true }),
    ]),
  );
  expect(answer.refused).toEqual([
    { row: 2, name: '学术工作委员会', reasons: ['单位名称：已有名为“学术工作委员会”的单位'] },
    { row: 3, name: '四川省力学学会', reasons: ['单位类型：学会只能管理分支机构、会员单位'] },
    { row: 4, name: '不知何类', reasons: ['单位类型：“协会”不是可选的类型'] },
    { row: 5, name: '年份有误的委员会', reasons: ['评估年份：应为四位年份，如 2023', '能否开具税务票据：请填写“是”或“否”'] },
  ]);
  expect(await unitsOf()).not.toContain('全角等级的委员会');
});

test('blank rows are skipped, and loose spellings of choices are read (AAAA, 专业委员会, TRUE)', async () => {
  const answer = answerOf(
    await imports([
      unitRow('全角等级的委员会', { rating: 'ＡＡＡＡ', kind: '专业委员会', societyDay: true }),
      [],
      unitRow('团体会员单位甲', { kind: '团体会员', rating: null, ratingYear: null, inspectionYear: null, result: null, invoice: null }),
    ]),
  );
  expect(
    answer.organizations.map((org) => [org.name, org.kind, org.profile.rating, org.profile.hasSocietyDay, org.profile.inspections.length]),
  ).toEqual([
    ['全角等级的委员会', 'branch', '4A', true, 1],
    ['团体会员单位甲', 'memberUnit', null, false, 0],
  ]);
});

test('a repeated call with the same requestId answers the same result and creates nothing twice', async () => {
  const input = importOf(await unitSheet(unitRows(5)));
  const first = answerOf(await h.raw(OPENID.secretary, 'organization.import', input));
  const again = answerOf(await h.raw(OPENID.secretary, 'organization.import', input));
  expect(again).toEqual(first);
  // Even sent with another file, the requestId names the import already done.
  const other = answerOf(
    await h.raw(OPENID.secretary, 'organization.import', { ...input, base64: (await unitSheet(unitRows(2, '别的'))).toString('base64') }),
  );
  expect(other).toEqual(first);
  expect((await unitsOf()).filter((name) => name.startsWith('导入测试'))).toHaveLength(5);
  expect(await h.store.find('audit', { action: 'import' })).toHaveLength(5);
  // Two twins racing: one imports, both answer the same.
  const twin = importOf(await unitSheet(unitRows(3, '并发')));
  const [a, b] = await Promise.all([
    h.raw(OPENID.secretary, 'organization.import', twin),
    h.raw(OPENID.secretary, 'organization.import', twin),
  ]);
  expect(answerOf(a)).toEqual(answerOf(b));
  expect((await unitsOf()).filter((name) => name.startsWith('并发'))).toHaveLength(3);
});

describe('a file that is not the template sheet is refused whole, and nothing changes', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3b3d50000000049454e44ae426082',
    'hex',
  );
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['a PNG picture', async () => PNG, /只能导入 Excel 的 \.xlsx 文件/],
    [
      'a text file renamed .xlsx',
      async () => Buffer.from('单位名称*,单位类型*\n青年工作委员会,分支机构\n'),
      /只能导入 Excel 的 \.xlsx 文件/,
    ],
    [
      'a sheet whose header lacks 单位类型',
      () =>
        unitSheet(
          [['青年工作委员会']],
          UNIT_HEADERS.filter((header) => header !== '单位类型*'),
        ),
      /表头缺少“单位类型\*”列/,
    ],
    ['a sheet with a header and no unit', () => unitSheet([]), /表格中没有要导入的单位/],
    [
      `a sheet of ${MAX_IMPORT_ROWS + 1} units`,
      () => unitSheet(unitRows(MAX_IMPORT_ROWS + 1)),
      new RegExp(`一次最多导入 ${MAX_IMPORT_ROWS} 个单位`),
    ],
  ];
  test.each(cases)('%s', async (_label, bytes, message) => {
    const before = await snapshotStore(h.store);
    const result = await h.raw(OPENID.secretary, 'organization.import', importOf(await bytes()));
    expect(result).toEqual({ ok: false, error: { code: 'FILE_REJECTED', message: expect.stringMatching(message) } });
    expect(await snapshotStore(h.store)).toEqual(before);
  });
});

test('only a secretariat may import, and only into its own organiser', async () => {
  const bytes = await unitSheet(unitRows(2));
  for (const openid of [OPENID.structure, OPENID.reviewer]) {
    expect(await h.refused(openid, 'organization.import', importOf(bytes))).toBe('FORBIDDEN');
    expect(await h.refused(openid, 'organization.importTemplate', {})).toBe('FORBIDDEN');
  }
  expect(await h.refused(null, 'organization.import', importOf(bytes))).toBe('UNAUTHENTICATED');
  // 徐州市科协 manages 学会: the society's branches are refused, row by row, and none lands anywhere.
  const before = await snapshotStore(h.store);
  const foreign = answerOf(await h.raw(OPENID.secretaryXuzhou, 'organization.import', importOf(bytes)));
  expect(foreign.refused.map((row) => row.reasons)).toEqual([['单位类型：科协只能管理学会'], ['单位类型：科协只能管理学会']]);
  expect(await snapshotStore(h.store)).toEqual(before);
  // Its own 学会 land under itself, never under 四川省土木建筑学会.
  const own = answerOf(await imports([unitRow('徐州市力学学会', { kind: '学会' })], OPENID.secretaryXuzhou));
  expect(own.organizations.map((org) => [org.name, org.societyId])).toEqual([['徐州市力学学会', 'org-xzast']]);
  expect(await unitsOf()).not.toContain('徐州市力学学会');
});

test('the template round-trips: filled in, it imports; it offers only the kinds the organiser manages', async () => {
  const template = await h.as(OPENID.secretary, 'organization.importTemplate', {});
  expect(template.fileName).toBe('四川省土木建筑学会-下属单位导入模板.xlsx');
  const bytes = Buffer.from(template.base64, 'base64');
  const filled = await fillTemplate(bytes, unitRows(12, '模板'));
  const answer = answerOf(await h.raw(OPENID.secretary, 'organization.import', importOf(filled)));
  expect(answer.imported).toBe(12);
  // The empty template itself has nothing to import.
  expect(await h.raw(OPENID.secretary, 'organization.import', importOf(bytes))).toMatchObject({
    ok: false,
    error: { code: 'FILE_REJECTED' },
  });

  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const [units, help] = workbook.worksheets;
  expect((units!.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
  expect(units!.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"分支机构,会员单位"'] });
  expect(units!.getCell('H50').dataValidation).toMatchObject({ type: 'list', formulae: ['"合格,基本合格,不合格"'] });
  expect(help!.name).toBe('填写说明');
  expect(help!.getColumn(1).values).toEqual(expect.arrayContaining(['单位名称*', '年检结论']));

  const xuzhou = await h.as(OPENID.secretaryXuzhou, 'organization.importTemplate', {});
  const other = new ExcelJS.Workbook();
  await other.xlsx.load(Buffer.from(xuzhou.base64, 'base64') as unknown as ArrayBuffer);
  expect(other.worksheets[0]!.getCell('B2').dataValidation).toMatchObject({ formulae: ['"学会"'] });
});

test('a file of the largest size fits in one call to the local server (CloudBase takes 100 KB of JSON): the api judges it', async () => {
  const http = await startLocalHttp(h);
  try {
    const token = await http.signIn('user-secretary');
    const longest = 'x'.repeat(120);
    const largest = { requestId: 'r'.repeat(64), fileName: longest, base64: Buffer.alloc(MAX_IMPORT_BYTES, 7).toString('base64') };
    // Not a sheet: refused by the import itself, not by the size of the request.
    expect(await http.api(token, 'organization.import', largest)).toMatchObject({ ok: false, error: { code: 'FILE_REJECTED' } });
    const over = { ...largest, base64: Buffer.alloc(MAX_IMPORT_BYTES + 1, 7).toString('base64') };
    expect(await http.api(token, 'organization.import', over)).toMatchObject({
      ok: false,
      error: { code: 'FILE_REJECTED', message: expect.stringContaining('64 KB') },
    });
  } finally {
    await http.close();
  }
});
