// What each score means: a criterion's scoring bands (优 / 良 / 中 / 差), as its document describes them, or
// derived evenly from the criterion's maximum when the document describes none (no seed programme does).
import type { ReviewCriterion, ScoreBand } from '../program/program-schema';

/** Said beside derived bands, so nobody takes them for the document's. */
export const EVEN_BANDS_NOTE = '原文未载明评分档次，以下各档按满分平均划分，仅供参考';

const EVEN_LABELS = ['优', '良', '中', '差'] as const;

/** Four bands of equal width, best first: for a maximum of 20, 优 15–20, 良 10–14, 中 5–9, 差 0–4. */
export function evenBands(maxScore: number): ScoreBand[] {
  const edge = (quarter: number) => Math.round((maxScore * quarter) / 4);
  return EVEN_LABELS.map((label, index) => {
    const quarter = EVEN_LABELS.length - 1 - index;
    const min = edge(quarter);
    const max = index === 0 ? maxScore : Math.max(min, edge(quarter + 1) - 1);
    return { label, min, max, text: '' };
  });
}

/** The criterion's bands, best first, and whether they were derived (the document gives none). */
export function criterionBands(criterion: Pick<ReviewCriterion, 'maxScore' | 'bands'>): { bands: ScoreBand[]; derived: boolean } {
  if (criterion.bands && criterion.bands.length > 0) return { bands: [...criterion.bands].sort((a, b) => b.max - a.max), derived: false };
  return { bands: evenBands(criterion.maxScore), derived: true };
}

/** The band a score falls in (scores between two integer bands, e.g. 14.5 of 20, fall in the lower one). */
export function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand | null {
  if (!Number.isFinite(score)) return null;
  return bands.find((band) => score >= band.min && score <= band.max) ?? bands.find((band) => score >= band.min) ?? null;
}

/** '优 15–20' */
export function bandText(band: ScoreBand): string {
  return `${band.label} ${band.min}–${band.max}`;
}

/** '优 15–20 · 良 10–14 · 中 5–9 · 差 0–4' */
export function bandsText(bands: readonly ScoreBand[]): string {
  return bands.map(bandText).join(' · ');
}
