// Expert review arithmetic: a weighted total per review, and per application the mean, spread and outliers
// the secretariat looks at before shortlisting, ranked within each category.
import type { ReviewCriterion } from '../program/program-schema';

export interface CriterionScore {
  criterionKey: string;
  score: number;
}

/** A score more than this many points (of 100) from the mean of the other reviewers' is flagged. */
export const OUTLIER_POINTS = 15;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Why a score sheet cannot be accepted, in Chinese; null when it can. */
export function scoreSheetIssue(criteria: readonly ReviewCriterion[], scores: readonly CriterionScore[]): string | null {
  for (const criterion of criteria) {
    const given = scores.filter((score) => score.criterionKey === criterion.key);
    if (given.length === 0) return `请为“${criterion.name}”打分`;
    if (given.length > 1) return `“${criterion.name}”重复打分`;
    const score = given[0]!.score;
    if (!Number.isFinite(score) || score < 0 || score > criterion.maxScore)
      return `“${criterion.name}”的分数应在 0–${criterion.maxScore} 之间`;
  }
  const unknown = scores.find((score) => !criteria.some((criterion) => criterion.key === score.criterionKey));
  return unknown ? `评分项“${unknown.criterionKey}”不存在` : null;
}

/** The weighted total on a 0–100 scale: each criterion's share of its maximum, times its weight. */
export function weightedTotal(criteria: readonly ReviewCriterion[], scores: readonly CriterionScore[]): number {
  let total = 0;
  for (const criterion of criteria) {
    const score = scores.find((candidate) => candidate.criterionKey === criterion.key)?.score ?? 0;
    total += (score / criterion.maxScore) * criterion.weight;
  }
  return round1(total);
}

export interface ScoreSummary {
  count: number;
  mean: number | null;
  /** Population standard deviation of the totals. */
  spread: number | null;
  min: number | null;
  max: number | null;
}

/** The mean the ranking shows and sorts on: to one decimal. */
export function meanScore(sum: number, count: number): number {
  return round1(sum / count);
}

export function summarize(totals: readonly number[]): ScoreSummary {
  if (totals.length === 0) return { count: 0, mean: null, spread: null, min: null, max: null };
  const mean = totals.reduce((sum, total) => sum + total, 0) / totals.length;
  const variance = totals.reduce((sum, total) => sum + (total - mean) ** 2, 0) / totals.length;
  return {
    count: totals.length,
    // The same figure the running score on the application gives (withReviewTotal): totals carry one decimal.
    mean: meanScore(round1(totals.reduce((sum, total) => sum + total, 0)), totals.length),
    spread: round1(Math.sqrt(variance)),
    min: Math.min(...totals),
    max: Math.max(...totals),
  };
}

/** Reviews whose total is far from the others' mean (needs at least three reviews to say). */
export function outlierIds<T extends { id: string; total: number }>(reviews: readonly T[]): string[] {
  if (reviews.length < 3) return [];
  return reviews
    .filter((review) => {
      const others = reviews.filter((other) => other.id !== review.id);
      const othersMean = others.reduce((sum, other) => sum + other.total, 0) / others.length;
      return Math.abs(review.total - othersMean) > OUTLIER_POINTS;
    })
    .map((review) => review.id);
}

/** An application's running score fields after one more review total comes in (what the ranking sorts on). */
export function withReviewTotal(
  scores: { submitted: number; sum: number } | undefined,
  total: number,
): { reviewScores: { submitted: number; sum: number }; rankScore: number } {
  const submitted = (scores?.submitted ?? 0) + 1;
  const sum = round1((scores?.sum ?? 0) + total);
  return { reviewScores: { submitted, sum }, rankScore: meanScore(sum, submitted) };
}

/**
 * Ranks continuing a ranking: equal means share the rank before; otherwise the position (1-based). `previous` is
 * the last row before these (its mean and rank), `position` the 0-based position of the first of them.
 */
export function rankFrom<T extends { mean: number | null }>(
  rows: readonly T[],
  position: number,
  previous: { mean: number | null; rank: number | null } | null,
): (T & { rank: number | null })[] {
  let last = previous;
  return rows.map((row, index) => {
    const rank = row.mean === null ? null : last && last.mean === row.mean && last.rank !== null ? last.rank : position + index + 1;
    last = { mean: row.mean, rank };
    return { ...row, rank };
  });
}

export interface Rankable {
  applicationId: string;
  categoryKey: string;
  mean: number | null;
}

/** Rank within each category by mean score, best first; equal means share a rank; unscored come last, unranked. */
export function rankWithinCategories<T extends Rankable>(entries: readonly T[]): (T & { rank: number | null })[] {
  const ranked: (T & { rank: number | null })[] = [];
  const categories = [...new Set(entries.map((entry) => entry.categoryKey))];
  for (const categoryKey of categories) {
    const inCategory = entries.filter((entry) => entry.categoryKey === categoryKey);
    const scored = inCategory.filter((entry) => entry.mean !== null).sort((a, b) => b.mean! - a.mean!);
    scored.forEach((entry, index) => {
      const previous = ranked[ranked.length - 1];
      const tie = index > 0 && previous && previous.mean === entry.mean;
      ranked.push({ ...entry, rank: tie ? previous.rank : index + 1 });
    });
    for (const entry of inCategory.filter((candidate) => candidate.mean === null)) ranked.push({ ...entry, rank: null });
  }
  return ranked;
}

/** The reviews that count for an application: an assignment the secretariat withdrew no longer does. */
export function countingReviews<T extends { status: string }>(reviews: readonly T[]): T[] {
  return reviews.filter((review) => review.status !== 'withdrawn');
}

/**
 * Why an application cannot be shortlisted yet: it has no expert score at all, or an assigned expert has not
 * submitted theirs. null when every assigned review is in (and there is at least one).
 */
export function reviewsIncompleteReason(reviews: readonly { status: string; reviewerName: string }[]): string | null {
  const counting = countingReviews(reviews);
  if (counting.length === 0) return '尚未分配评审专家，没有任何评分，不能列入拟立项';
  const pending = counting.filter((review) => review.status !== 'submitted').map((review) => review.reviewerName);
  return pending.length > 0 ? `${pending.join('、')}尚未提交评分` : null;
}
