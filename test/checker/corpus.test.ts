// Scores the checker on the labelled development corpus and on our own held-out sentences (written
// separately, never used to tune the lexicons), printing recall per category and the false-positive rate.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from './helpers';
import { hitRates, readCorpus } from './corpus';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const flagged = (text: string): boolean => check(text).action !== 'publish';

describe.each([
  ['development corpus', 'checker-dev.tsv'],
  ['held-out corpus', 'checker-heldout.tsv'],
])('%s', (name, file) => {
  const rates = hitRates(readCorpus(fixture(file)), flagged);
  const rate = (key: string): number => {
    const r = rates.get(key);
    return r === undefined ? Number.NaN : r.hits / r.total;
  };
  const cleanLines = [...rates].filter(([key]) => key.startsWith('clean/')).map(([, r]) => r);
  const falsePositiveRate = cleanLines.reduce((n, r) => n + r.hits, 0) / cleanLines.reduce((n, r) => n + r.total, 0);

  it('prints its figures', () => {
    for (const [key, r] of rates) {
      const label = key.startsWith('profane/') ? 'recall' : 'false positives';
      console.log(`[${name}] ${key}: ${label} ${r.hits}/${r.total} (${((100 * r.hits) / r.total).toFixed(1)}%)`);
      for (const miss of r.misses) console.log(`    ${key.startsWith('profane/') ? 'missed' : 'flagged'}: ${miss}`);
    }
    console.log(`[${name}] false-positive rate on clean and scunthorpe lines: ${(100 * falsePositiveRate).toFixed(1)}%`);
    expect(rates.size).toBeGreaterThan(0);
  });

  it('meets the recall floors', () => {
    expect(rate('profane/plain')).toBeGreaterThanOrEqual(0.95);
    expect(rate('profane/evasion')).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the false-positive ceiling on clean and scunthorpe lines', () => {
    expect(falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
