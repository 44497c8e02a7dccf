// The award ledger the secretariat downloads (issue 10, Deliver 5): 奖补台账 and 评审汇总表, read back with exceljs
// and checked against the programme's board (dashboard.get) and the records.
import ExcelJS from 'exceljs';
import type { ApplicationView } from '@/core/schemas/actions';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { acceptedFrom, current, decided, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';
import { exportedBytes } from '../support/exports';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function verifiedClaim(openid: string, award: ApplicationView, amount: number) {
  const fileId = await uploadedThroughSlot(h, openid, award._id, 'claim');
  const claim = await h.as(openid, 'claim.add', {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount,
    description: `发布科技成果${amount}项`,
    fileIds: [fileId],
  });
  return h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' });
}

async function ledgerWorkbook() {
  const file = await h.as(OPENID.secretary, 'export.awardLedger', { programId: PROGRAM_ID });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportedBytes(h, file, PROGRAM_ID)) as unknown as ArrayBuffer);
  return { file, workbook };
}

/** The sheet's rows as plain values, keyed by the header row's text. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value ?? null])));
  });
  return rows;
}

test('the ledger lists each application past the formal check with its award, payout, commitments and verified claims, adding up to the board', async () => {
  const first = await shortlisted(h, await submitted(h, OPENID.structure));
  const second = await shortlisted(h, await submitted(h, OPENID.academic));
  // Returned at the formal check: never a candidate, not in the ledger.
  await decided(h, await submitted(h, OPENID.design), 'return', '请补充预算依据');
  await publicizedAndClosed(h);

  const awarded = await current(h, OPENID.secretary, first._id);
  await verifiedClaim(OPENID.structure, awarded, 2);
  h.clock.set('2023-11-01T09:00:00+08:00');
  const accepted = await acceptedFrom(h, OPENID.structure, await current(h, OPENID.secretary, first._id));
  await h.as(OPENID.secretary, 'application.pay', {
    applicationId: accepted._id,
    version: accepted.version,
    payout: { amountFen: accepted.awardFen ?? 0, paidOn: '2023-12-05', voucherNo: '记-2023-125' },
  });

  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  const { file, workbook } = await ledgerWorkbook();
  expect(file.fileName).toContain('奖补台账.xlsx');
  const ledger = workbook.getWorksheet('奖补台账');
  if (!ledger) throw new Error('no 奖补台账 sheet');
  const rows = rowsOf(ledger);
  expect(rows.map((row) => row['项目名称'])).toHaveLength(2);
  const sum = (header: string) => rows.reduce((total, row) => total + (typeof row[header] === 'number' ? row[header] : 0), 0);
  // Yuan with two decimals, as numbers with a money format, adding up to the board's fen.
  expect(Math.round(sum('奖补金额（元）') * 100)).toBe(board.grantedFen);
  expect(Math.round(sum('验收后拨付金额（元）') * 100)).toBe(board.paidFen);
  expect(ledger.getColumn(4).numFmt).toBe('#,##0.00');
  const results = board.rows.find((row) => row.key === 'published-results');
  const committedHeader = Object.keys(rows[0] ?? {}).find((header) => header.startsWith(`${results?.name}·承诺`)) ?? '';
  const verifiedHeader = Object.keys(rows[0] ?? {}).find((header) => header.startsWith(`${results?.name}·核实`)) ?? '';
  expect(sum(committedHeader)).toBe(results?.committed);
  expect(sum(verifiedHeader)).toBe(results?.verified);
  expect(results?.verified).toBe(2);

  const paidRow = rows.find((row) => row['状态'] === '已发放');
  expect(paidRow).toMatchObject({ 验收后拨付日期: '2023年12月5日', 验收后拨付凭证号: '记-2023-125' });
  const unit = await h.store.get('organizations', accepted.orgId);
  expect(paidRow?.['申报单位']).toBe(unit?.name);
  expect(paidRow?.[verifiedHeader]).toBe(2);

  // Each reviewer's scores and the mean, which the ledger repeats.
  const reviewSheet = workbook.getWorksheet('评审汇总表');
  if (!reviewSheet) throw new Error('no 评审汇总表 sheet');
  const reviewRows = rowsOf(reviewSheet);
  const reviews = await h.store.find('reviews', { programId: PROGRAM_ID, applicationId: accepted._id });
  const ofAccepted = reviewRows.filter((row) => row['项目名称'] === accepted.projectName && row['申报单位'] === unit?.name);
  expect(ofAccepted.map((row) => row['评审专家'])).toEqual(
    expect.arrayContaining([...reviews.map((review) => review.reviewerName), '平均分']),
  );
  const totals = reviews.map((review) => review.total ?? 0);
  const mean = Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
  expect(ofAccepted.find((row) => row['评审专家'] === '平均分')?.['总分']).toBe(mean);
  expect(paidRow?.['评审平均分']).toBe(mean);
  // The other award is approved and not yet paid: no payout in its row.
  expect(rows.find((row) => row['项目名称'] === second.projectName && row['状态'] !== '已发放')).toMatchObject({
    '验收后拨付金额（元）': null,
    验收后拨付日期: '',
  });
});

test('only the running organisation’s secretariat may download it', async () => {
  expect(await h.refused(OPENID.structure, 'export.awardLedger', { programId: PROGRAM_ID })).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.secretaryXuzhou, 'export.awardLedger', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
});
