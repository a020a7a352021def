// The answering form's pure side (client/src/surveys/answers.ts, nps.ts): the client-side check mirrors the
// server's rules, the body leaves unanswered optional questions out, 422 details land on the questions they name,
// and the NPS words and numbers; plus the surveys dictionaries agree in both languages.
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../server/contracts/surveys';
import {
  answerInputs,
  isAnswered,
  problemsFromDetails,
  TEXT_ANSWER_MAX,
  textLimit,
  toggleOption,
  validateAnswers,
} from '../../client/src/surveys/answers';
import { formatNps, npsEndLabel, npsGroup, npsScore, percentOf } from '../../client/src/surveys/nps';
import { svEn } from '../../client/src/surveys/i18n/en';
import { svId } from '../../client/src/surveys/i18n/id';

const QUESTIONS: SurveyQuestion[] = [
  { id: 'single', kind: 'single', prompt: 'Di mana?', options: ['Jakarta', 'Bandung', 'Surabaya'], required: true, min: null, max: null, maxLength: null } as SurveyQuestion,
  { id: 'multi', kind: 'multi', prompt: 'Topik', options: ['Moderasi', 'Acara'], required: false, min: null, max: null, maxLength: null } as SurveyQuestion,
  { id: 'rating', kind: 'rating', prompt: 'Puas?', options: [], required: true, min: 1, max: 5, maxLength: null } as SurveyQuestion,
  { id: 'nps', kind: 'nps', prompt: 'Rekomendasi?', options: [], required: false, min: 0, max: 10, maxLength: null } as SurveyQuestion,
  { id: 'text', kind: 'text', prompt: 'Saran', options: [], required: false, min: null, max: null, maxLength: null } as SurveyQuestion,
];

describe('validateAnswers', () => {
  it('accepts complete answers and optional questions left empty', () => {
    expect(validateAnswers(QUESTIONS, { single: 0, rating: 5 })).toEqual({});
    expect(validateAnswers(QUESTIONS, { single: 2, multi: [0, 1], rating: 1, nps: 0, text: 'Mantap' })).toEqual({});
  });

  it('names every missing required answer at once; a blank text or no box is no answer', () => {
    expect(validateAnswers(QUESTIONS, {})).toEqual({ single: { reason: 'missing' }, rating: { reason: 'missing' } });
    const required = QUESTIONS.map((q) => ({ ...q, required: true }));
    expect(Object.keys(validateAnswers(required, { single: 0, rating: 3, nps: 7, multi: [], text: '   ' }))).toEqual(['multi', 'text']);
  });

  it('refuses wrong options, out-of-range numbers and over-long texts', () => {
    const problems = validateAnswers(QUESTIONS, { single: 3, multi: [1, 1], rating: 6, nps: 11, text: 'x'.repeat(TEXT_ANSWER_MAX + 1) });
    expect(problems).toEqual({
      single: { reason: 'invalidOption' },
      multi: { reason: 'invalidOption' },
      rating: { reason: 'outOfRange', min: 1, max: 5 },
      nps: { reason: 'outOfRange', min: 0, max: 10 },
      text: { reason: 'tooLong', max: TEXT_ANSWER_MAX },
    });
    expect(validateAnswers(QUESTIONS, { single: 0, rating: 2.5 }).rating).toEqual({ reason: 'outOfRange', min: 1, max: 5 });
  });

  it("uses a text question's own maxLength, counting an emoji as one character", () => {
    const short = { ...QUESTIONS[4], maxLength: 3 } as SurveyQuestion;
    expect(textLimit(short)).toBe(3);
    expect(textLimit(QUESTIONS[4] as SurveyQuestion)).toBe(TEXT_ANSWER_MAX);
    expect(validateAnswers([short], { text: ' 🙂🙂🙂 ' })).toEqual({});
    expect(validateAnswers([short], { text: 'abcd' })).toEqual({ text: { reason: 'tooLong', max: 3 } });
  });
});

describe('answerInputs', () => {
  it('sends answers in question order, trims texts, sorts multi choices, leaves the unanswered out', () => {
    expect(answerInputs(QUESTIONS, { text: '  Mantap  ', rating: 4, multi: [1, 0], single: 1, nps: null })).toEqual([
      { questionId: 'single', value: 1 },
      { questionId: 'multi', value: [0, 1] },
      { questionId: 'rating', value: 4 },
      { questionId: 'text', value: 'Mantap' },
    ]);
  });

  it('toggles multi options and knows what counts as answered', () => {
    expect(toggleOption(undefined, 1)).toEqual([1]);
    expect(toggleOption([2], 0)).toEqual([0, 2]);
    expect(toggleOption([0, 2], 2)).toEqual([0]);
    expect([isAnswered(null), isAnswered(''), isAnswered([]), isAnswered(0), isAnswered('a')]).toEqual([false, false, false, true, true]);
  });
});

describe('problemsFromDetails', () => {
  const sent = answerInputs(QUESTIONS, { single: 1, rating: 4, text: 'x' });

  it('maps answers[i] of the body as sent back to its question, by reason', () => {
    expect(
      problemsFromDetails(
        [
          { path: 'answers[1].value', message: 'out of range', reason: 'out_of_range' },
          { path: 'body.answers[2].value', message: 'too long', reason: 'too_long' },
          { path: 'answers[0].value', message: 'Pilihan tidak ada', reason: 'something_new' },
        ],
        sent,
        QUESTIONS,
      ),
    ).toEqual({
      rating: { reason: 'outOfRange', min: 1, max: 5 },
      text: { reason: 'tooLong', max: TEXT_ANSWER_MAX },
      single: { reason: 'server', message: 'Pilihan tidak ada' },
    });
  });

  it('takes a questionId for a missing required answer and ignores what names nothing', () => {
    expect(
      problemsFromDetails(
        [{ path: 'answers', questionId: 'nps', reason: 'required', message: 'required' }, { path: 'answers[9].value' }, null, 'x'],
        sent,
        QUESTIONS,
      ),
    ).toEqual({ nps: { reason: 'missing' } });
    expect(problemsFromDetails(undefined, sent, QUESTIONS)).toEqual({});
  });
});

describe('NPS helpers', () => {
  it('groups 0-6, 7-8 and 9-10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('computes % promoters minus % detractors, null without answers', () => {
    expect(npsScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 4 })).toBe(-100);
    expect(npsScore({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('writes the score with its sign, a real minus, and a dash for none', () => {
    expect([formatNps(40), formatNps(-15), formatNps(0), formatNps(null), formatNps(33.4)]).toEqual(['+40', '−15', '0', '–', '+33']);
  });

  it('labels the ends of the scale in both languages', () => {
    expect([npsEndLabel(0), npsEndLabel(5), npsEndLabel(10)]).toEqual(['low', null, 'high']);
    expect(svId['sv.answer.npsLow']).toBe('Sangat tidak mungkin');
    expect(svId['sv.answer.npsHigh']).toBe('Sangat mungkin');
    expect(svEn['sv.answer.npsLow']).toBe('Not at all likely');
  });

  it('rounds shares and gives 0 of nothing', () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(0, 0)]).toEqual([33, 67, 0]);
  });
});

describe('surveys dictionaries', () => {
  it('have the same keys and every string filled in both languages', () => {
    expect(Object.keys(svId).sort()).toEqual(Object.keys(svEn).sort());
    for (const text of [...Object.values(svId), ...Object.values(svEn)]) expect(text.trim()).not.toBe('');
  });
});
