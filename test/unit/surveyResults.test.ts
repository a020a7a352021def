// The pure pieces of survey results: NPS arithmetic and rounding, distributions with zeros, hidden results,
// option labels from stored JSON, CSV formula neutralisation and the export's file name.
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../server/exports/surveyCsv';
import { npsOf, optionLabels, presentQuestionResult, type QuestionRow } from '../../server/presenters/presentQuestionResult';
import { csvFileName } from '../../server/routes/surveys/resultRoutes';

const counts = (pairs: [number, number][]) => new Map(pairs);
const row = (kind: string, extra: Partial<QuestionRow> = {}): QuestionRow => ({ id: 'q', kind, prompt: 'Tanya', options: '[]', min: null, max: null, ...extra });
const tally = (question: QuestionRow, pairs: [number, number][], answered: number) => ({ question, counts: counts(pairs), answered, texts: { items: ['a'], nextCursor: null } });

describe('npsOf', () => {
  it('is % promoters minus % detractors, rounded half away from zero', () => {
    expect(npsOf(counts([[10, 3], [8, 1], [6, 1], [0, 1]]))).toEqual({ nps: 17, promoters: 3, passives: 1, detractors: 2 });
    expect(npsOf(counts([[9, 1], [7, 5], [6, 2]])).nps).toBe(-13);
    expect(npsOf(counts([[9, 1], [7, 5], [10, 1], [1, 1]])).nps).toBe(13);
    expect(npsOf(counts([[10, 4]])).nps).toBe(100);
    expect(npsOf(counts([[0, 4]])).nps).toBe(-100);
    expect(npsOf(counts([[7, 2], [8, 2]])).nps).toBe(0);
    expect(npsOf(counts([])).nps).toBeNull();
  });
});

describe('presentQuestionResult', () => {
  it('lists every rating value of the scale with its count and the mean to two places', () => {
    const result = presentQuestionResult(tally(row('rating', { min: 1, max: 4 }), [[1, 1], [4, 2]], 3), { hidden: false });
    expect(result).toMatchObject({ kind: 'rating', mean: 3, min: 1, max: 4, answered: 3, distribution: [{ value: 1, count: 1 }, { value: 2, count: 0 }, { value: 3, count: 0 }, { value: 4, count: 2 }] });
  });

  it('withholds every breakdown when hidden', () => {
    const options = row('multi', { options: '["A","B"]' });
    expect(presentQuestionResult(tally(options, [[0, 3]], 3), { hidden: true })).toEqual({ questionId: 'q', prompt: 'Tanya', answered: 0, hidden: true, kind: 'multi', options: [] });
    expect(presentQuestionResult(tally(row('text'), [], 1), { hidden: true })).toMatchObject({ texts: { items: [], nextCursor: null } });
    expect(presentQuestionResult(tally(row('nps'), [[10, 9]], 9), { hidden: true })).toMatchObject({ nps: null, promoters: 0, distribution: [] });
  });

  it('reads option labels from stored JSON, and none from anything else', () => {
    expect(optionLabels({ options: '["Ya","Tidak"]' })).toEqual(['Ya', 'Tidak']);
    expect(optionLabels({ options: 'not json' })).toEqual([]);
    expect(optionLabels({ options: '{"a":1}' })).toEqual([]);
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=cmd', '+1', '-2', '@x', '\tA', '\rB']) expect(neutralise(cell)).toBe(`'${cell}`);
    for (const cell of ['kopi', '1+1', ' =spasi', '', "'kutip"]) expect(neutralise(cell)).toBe(cell);
  });

  it('names the file from the title in ASCII, in the reader language', () => {
    const day = new Date('2026-12-05T10:00:00Z');
    expect(csvFileName('Survei Kopdar: Évaluasi 2026!', 'id', day)).toBe('hasil-survei-survei-kopdar-evaluasi-2026-2026-12-05.csv');
    expect(csvFileName('问卷', 'en', day)).toBe('survey-results-2026-12-05.csv');
    expect(csvFileName('"; rm -rf /', 'en', day)).toBe('survey-results-rm-rf-2026-12-05.csv');
  });
});
