// Reads a labelled corpus (label, lang, category, text) and scores a detector on it.
import { readFileSync } from 'node:fs';

export interface CorpusLine {
  label: 'profane' | 'clean';
  lang: string;
  category: string;
  text: string;
}

/** Parses a TSV corpus with a header line. */
export function readCorpus(path: string): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [label = '', lang = '', category = '', text = ''] = line.split('\t');
      return { label: label === 'profane' ? 'profane' : 'clean', lang, category, text };
    });
}

/** Share of lines in each category that the detector flags (recall for profane, FP rate for clean). */
export function hitRates(lines: readonly CorpusLine[], detect: (text: string) => boolean): Map<string, { hits: number; total: number; misses: string[] }> {
  const rates = new Map<string, { hits: number; total: number; misses: string[] }>();
  for (const line of lines) {
    const key = `${line.label}/${line.category}`;
    const rate = rates.get(key) ?? { hits: 0, total: 0, misses: [] };
    const hit = detect(line.text);
    rate.total++;
    if (hit) rate.hits++;
    if (hit !== (line.label === 'profane')) rate.misses.push(line.text);
    rates.set(key, rate);
  }
  return rates;
}
