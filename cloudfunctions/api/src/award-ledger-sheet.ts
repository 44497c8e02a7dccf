// The award ledger's Excel file, written with exceljs from the rows core/award/ledger.ts builds: 奖补台账 (one row per
// application past the formal check) and 评审汇总表 (each reviewer's scores per criterion, then the means).
import ExcelJS from 'exceljs';
import { ledgerIndicators, type LedgerPayment, type LedgerRow, type ReviewSummaryRow } from '@/core/award/ledger';
import type { Program } from '@/core/program/program-schema';

export const LEDGER_SHEET_NAME = '奖补台账';
export const REVIEW_SHEET_NAME = '评审汇总表';
const YUAN_FORMAT = '#,##0.00';
const SCORE_FORMAT = '0.0';

function headed(workbook: ExcelJS.Workbook, name: string, headers: { header: string; width: number }[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

const paymentCells = (payment: LedgerPayment | null) => [payment?.yuan ?? null, payment?.paidOn ?? '', payment?.voucherNo ?? ''];

export async function awardLedgerWorkbook(
  program: Pick<Program, 'indicators' | 'reviewCriteria'>,
  ledger: readonly LedgerRow[],
  reviews: readonly ReviewSummaryRow[],
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  workbook.modified = now;

  const indicators = ledgerIndicators(program);
  const paymentHeaders = (name: string) => [
    { header: `${name}金额（元）`, width: 14 },
    { header: `${name}日期`, width: 14 },
    { header: `${name}凭证号`, width: 14 },
  ];
  const ledgerSheet = headed(workbook, LEDGER_SHEET_NAME, [
    { header: '申报单位', width: 24 },
    { header: '类别', width: 16 },
    { header: '项目名称', width: 30 },
    { header: '奖补金额（元）', width: 14 },
    { header: '状态', width: 12 },
    { header: '评审平均分', width: 10 },
    ...paymentHeaders('立项后拨付'),
    ...paymentHeaders('验收后拨付'),
    ...indicators.flatMap((indicator) => [
      { header: `${indicator.name}·承诺（${indicator.unit}）`, width: 14 },
      { header: `${indicator.name}·核实（${indicator.unit}）`, width: 14 },
    ]),
  ]);
  const yuanColumns = [4, 7, 10];
  for (const row of ledger) {
    ledgerSheet.addRow([
      row.unit,
      row.category,
      row.project,
      row.awardYuan,
      row.status,
      row.meanScore,
      ...paymentCells(row.advance),
      ...paymentCells(row.payout),
      ...row.indicators.flatMap((indicator) => [indicator.committed, indicator.verified]),
    ]);
  }
  for (const column of yuanColumns) ledgerSheet.getColumn(column).numFmt = YUAN_FORMAT;
  ledgerSheet.getColumn(6).numFmt = SCORE_FORMAT;

  const reviewSheet = headed(workbook, REVIEW_SHEET_NAME, [
    { header: '申报单位', width: 24 },
    { header: '项目名称', width: 30 },
    { header: '评审专家', width: 12 },
    ...program.reviewCriteria.map((criterion) => ({ header: `${criterion.name}（满分${criterion.maxScore}）`, width: 14 })),
    { header: '总分', width: 10 },
  ]);
  for (const row of reviews) reviewSheet.addRow([row.unit, row.project, row.reviewer, ...row.scores, row.total]);
  for (let column = 4; column <= program.reviewCriteria.length + 4; column += 1) reviewSheet.getColumn(column).numFmt = SCORE_FORMAT;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
