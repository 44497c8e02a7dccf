// What each row of the award ledger (奖补台账) and of the review summary (评审汇总表) says; the exceljs sheet is
// cloudfunctions/api/src/award-ledger-sheet.ts. The ledger lists every application that passed the formal check.
import { formatCalendarDay } from '../calendar/shanghai';
import type { Program } from '../program/program-schema';
import { isSummable } from '../program/program-rules';
import { summarize } from '../review/scoring';
import type { Application, Claim, Payout, Review } from '../schemas/documents';
import { statusTable } from '../workflow/award-workflow';

export interface LedgerPayment {
  /** Yuan, two decimals (money is fen everywhere else; the sheet shows it with a number format). */
  yuan: number;
  /** "2024年3月5日" */
  paidOn: string;
  voucherNo: string;
}

export interface LedgerIndicator {
  committed: number;
  /** Verified claims summed: what counts toward the target. */
  verified: number;
}

export interface LedgerRow {
  applicationId: string;
  unit: string;
  category: string;
  project: string;
  awardYuan: number | null;
  status: string;
  meanScore: number | null;
  advance: LedgerPayment | null;
  payout: LedgerPayment | null;
  /** One entry per summable indicator of the programme, in its order (see ledgerIndicators). */
  indicators: LedgerIndicator[];
}

export interface ReviewSummaryRow {
  applicationId: string;
  unit: string;
  project: string;
  reviewer: string;
  /** One score per criterion of the programme, in its order; null where the reviewer gave none. */
  scores: (number | null)[];
  total: number | null;
}

type LedgerProgram = Pick<Program, 'categories' | 'indicators' | 'reviewCriteria'>;

const yuanOf = (fen: number) => Math.round(fen) / 100;

function paymentOf(payment: Payout | null | undefined): LedgerPayment | null {
  return payment ? { yuan: yuanOf(payment.amountFen), paidOn: formatCalendarDay(payment.paidOn), voucherNo: payment.voucherNo } : null;
}

/** The indicators the ledger has columns for: those whose figures add up across awards. */
export function ledgerIndicators(program: Pick<Program, 'indicators'>) {
  return program.indicators.filter(isSummable);
}

/** In the ledger: past the formal check (a returned or rejected application never became a candidate). */
export function inLedger(application: Pick<Application, 'outcomes'>): boolean {
  return application.outcomes.check === 'passed';
}

const submittedReviews = (reviews: readonly Review[], applicationId: string) =>
  reviews.filter((review) => review.applicationId === applicationId && review.status === 'submitted' && review.total !== null);

export function ledgerRows(
  program: LedgerProgram,
  applications: readonly Application[],
  claims: readonly Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification'>[],
  reviews: readonly Review[],
  unitNames: ReadonlyMap<string, string>,
): LedgerRow[] {
  const indicators = ledgerIndicators(program);
  return ledgerOrder(applications.filter(inLedger)).map((application) => ({
    applicationId: application._id,
    unit: unitNames.get(application.orgId) ?? '',
    category: program.categories.find((category) => category.key === application.categoryKey)?.name ?? application.categoryKey,
    project: application.projectName,
    awardYuan: application.awardFen === null ? null : yuanOf(application.awardFen),
    status: statusTable[application.status].staffLabel,
    meanScore: summarize(submittedReviews(reviews, application._id).map((review) => review.total as number)).mean,
    advance: paymentOf(application.advance),
    payout: paymentOf(application.payout),
    indicators: indicators.map((indicator) => ({
      committed: application.commitments
        .filter((commitment) => commitment.indicatorKey === indicator.key)
        .reduce((total, commitment) => total + commitment.amount, 0),
      verified: claims
        .filter(
          (claim) => claim.applicationId === application._id && claim.indicatorKey === indicator.key && claim.verification === 'verified',
        )
        .reduce((total, claim) => total + claim.amount, 0),
    })),
  }));
}

export const MEAN_ROW_LABEL = '平均分';

const meanOf = (values: readonly (number | null)[]) => summarize(values.filter((value): value is number => value !== null)).mean;

/**
 * Each submitted review of a ledger application, one row per reviewer, followed by a row of the means
 * (reviewer MEAN_ROW_LABEL) when it has any review; in the ledger's order.
 */
export function reviewSummaryRows(
  program: LedgerProgram,
  applications: readonly Application[],
  reviews: readonly Review[],
  unitNames: ReadonlyMap<string, string>,
): ReviewSummaryRow[] {
  return ledgerOrder(applications.filter(inLedger)).flatMap((application) => {
    const base = { applicationId: application._id, unit: unitNames.get(application.orgId) ?? '', project: application.projectName };
    const rows = submittedReviews(reviews, application._id)
      .sort((a, b) => a.reviewerName.localeCompare(b.reviewerName, 'zh-CN'))
      .map((review) => ({
        ...base,
        reviewer: review.reviewerName,
        scores: program.reviewCriteria.map(
          (criterion) => review.scores.find((score) => score.criterionKey === criterion.key)?.score ?? null,
        ),
        total: review.total,
      }));
    if (rows.length === 0) return [];
    const mean: ReviewSummaryRow = {
      ...base,
      reviewer: MEAN_ROW_LABEL,
      scores: program.reviewCriteria.map((_criterion, index) => meanOf(rows.map((row) => row.scores[index] ?? null))),
      total: meanOf(rows.map((row) => row.total)),
    };
    return [...rows, mean];
  });
}

/** By category key, then by submission time. */
export function ledgerOrder(applications: readonly Application[]): Application[] {
  return [...applications].sort(
    (a, b) =>
      a.categoryKey.localeCompare(b.categoryKey) || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a._id.localeCompare(b._id),
  );
}
