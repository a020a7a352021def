// NPS words and numbers shared by the answering scale and the results: which group a score falls in, the scale's
// end labels, and the score as people write it (+40, −15, 0).
export type NpsGroup = 'detractor' | 'passive' | 'promoter';

/** 0-6 detractors, 7-8 passives, 9-10 promoters. */
export function npsGroup(value: number): NpsGroup {
  if (value >= 9) return 'promoter';
  if (value >= 7) return 'passive';
  return 'detractor';
}

/** The NPS of group counts: % promoters minus % detractors, rounded; null without answers. */
export function npsScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / total) * 100);
}

/** A score with its sign, as NPS is usually written: "+40", "−15" (a real minus), "0"; "–" for none. */
export function formatNps(score: number | null, formatNumber: (value: number) => string = String): string {
  if (score === null) return '–';
  const rounded = Math.round(score);
  if (rounded > 0) return `+${formatNumber(rounded)}`;
  if (rounded < 0) return `−${formatNumber(-rounded)}`;
  return formatNumber(0);
}

/** Which end label, if any, a scale value carries: the low one on 0, the high one on 10. */
export function npsEndLabel(value: number): 'low' | 'high' | null {
  if (value === 0) return 'low';
  if (value === 10) return 'high';
  return null;
}

/** A share as a whole percentage of a total (0 when the total is 0). */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}
