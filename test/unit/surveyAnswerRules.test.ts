// The answer validator (server/lib/surveyAnswers.ts), the open-survey edit rules (server/lib/surveyEdits.ts) and the
// respondent pseudonyms (server/lib/surveyPseudonym.ts) on their own.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerProblemDetails, checkAnswers, type QuestionRule } from '../../server/lib/surveyAnswers';
import { editDistance, isSafeReword, openQuestionProblems, openSurveyProblems, type EditedQuestion, type StoredQuestion } from '../../server/lib/surveyEdits';
import { PSEUDONYM_KEY_FILE, anonymousRespondentKey, pseudonymServerKey, respondentKey, utcDay } from '../../server/lib/surveyPseudonym';
import { createSurveyBody } from '../../server/routes/surveys/surveySchemas';
import { tempDir } from '../helpers/tempDir';

const Q: QuestionRule[] = [
  { id: 'q-single', kind: 'single', options: ['a', 'b', 'c'], required: true, min: null, max: null },
  { id: 'q-multi', kind: 'multi', options: ['a', 'b', 'c'], required: false, min: null, max: null },
  { id: 'q-rating', kind: 'rating', options: [], required: false, min: 0, max: 10 },
  { id: 'q-nps', kind: 'nps', options: [], required: true, min: 0, max: 10 },
  { id: 'q-text', kind: 'text', options: [], required: false, min: null, max: 5 },
];
const reasonsOf = (answers: { questionId: unknown; value?: unknown }[]) => {
  const result = checkAnswers(Q, answers);
  return 'problems' in result ? result.problems.map((p) => [p.path, p.reason]) : [];
};
const ok = [
  { questionId: 'q-single', value: 0 },
  { questionId: 'q-nps', value: 10 },
];

describe('checkAnswers', () => {
  it('turns answers into rows: one per option chosen, numbers and trimmed texts; null and empty mean unanswered', () => {
    const result = checkAnswers(Q, [
      { questionId: 'q-single', value: 2 },
      { questionId: 'q-multi', value: [2, 0] },
      { questionId: 'q-rating', value: 0 },
      { questionId: 'q-nps', value: 7 },
      { questionId: 'q-text', value: '  héé  ' },
    ]);
    expect(result).toEqual({
      rows: [
        { questionId: 'q-single', optionIndex: 2, numberValue: null, textValue: null },
        { questionId: 'q-multi', optionIndex: 0, numberValue: null, textValue: null },
        { questionId: 'q-multi', optionIndex: 2, numberValue: null, textValue: null },
        { questionId: 'q-rating', optionIndex: null, numberValue: 0, textValue: null },
        { questionId: 'q-nps', optionIndex: null, numberValue: 7, textValue: null },
        { questionId: 'q-text', optionIndex: null, numberValue: null, textValue: 'héé' },
      ],
    });
    expect(checkAnswers(Q, [...ok, { questionId: 'q-multi', value: [] }, { questionId: 'q-text', value: '   ' }, { questionId: 'q-rating', value: null }])).toEqual({
      rows: [
        { questionId: 'q-single', optionIndex: 0, numberValue: null, textValue: null },
        { questionId: 'q-nps', optionIndex: null, numberValue: 10, textValue: null },
      ],
    });
  });

  it('names each bad answer with its path and reason', () => {
    expect(
      reasonsOf([
        { questionId: 'q-single', value: 3 },
        { questionId: 'q-multi', value: [1, 1] },
        { questionId: 'q-rating', value: 11 },
        { questionId: 'q-nps', value: '9' },
        { questionId: 'q-text', value: '123456' },
        { questionId: 'q-zzz', value: 1 },
        { questionId: 'q-text', value: 'a' },
      ]),
    ).toEqual([
      ['answers[0].value', 'unknown_option'],
      ['answers[1].value', 'unknown_option'],
      ['answers[2].value', 'out_of_range'],
      ['answers[3].value', 'wrong_type'],
      ['answers[4].value', 'too_long'],
      ['answers[5].questionId', 'unknown_question'],
      ['answers[6].questionId', 'duplicate_question'],
    ]);
  });

  it('tells wrong types from bad values at the edges', () => {
    const one = (questionId: string, value: unknown) => reasonsOf([...ok.filter((a) => a.questionId !== questionId), { questionId, value }]).map(([, reason]) => reason);
    expect(one('q-single', -1)).toEqual(['unknown_option']);
    expect(one('q-single', 1.5)).toEqual(['wrong_type']);
    expect(one('q-single', '1')).toEqual(['wrong_type']);
    expect(one('q-single', true)).toEqual(['wrong_type']);
    expect(one('q-multi', [0, 3])).toEqual(['unknown_option']);
    expect(one('q-multi', [0, 1, 2, 0])).toEqual(['unknown_option']);
    expect(one('q-multi', ['0'])).toEqual(['wrong_type']);
    expect(one('q-multi', 0)).toEqual(['wrong_type']);
    expect(one('q-rating', -1)).toEqual(['out_of_range']);
    expect(one('q-rating', 2.5)).toEqual(['out_of_range']);
    expect(one('q-rating', Number.NaN)).toEqual(['wrong_type']);
    expect(one('q-nps', 11)).toEqual(['out_of_range']);
    expect(one('q-text', 12)).toEqual(['wrong_type']);
    expect(one('q-text', 'a\u0000')).toEqual(['wrong_type']);
    // Five characters, counted as code points (an emoji is one), fit.
    expect(one('q-text', '😀😀😀😀😀')).toEqual([]);
    expect(one('q-text', '12345')).toEqual([]);
    expect(one('q-rating', 10)).toEqual([]);
    expect(one('q-rating', 0)).toEqual([]);
  });

  it('names a required question left out once, unless its bad answer already names it', () => {
    expect(reasonsOf([])).toEqual([
      ['answers', 'missing_required'],
      ['answers', 'missing_required'],
    ]);
    expect(reasonsOf([{ questionId: 'q-single', value: 9 }, { questionId: 'q-nps', value: 1 }])).toEqual([['answers[0].value', 'unknown_option']]);
    expect(reasonsOf([{ questionId: 'q-single', value: null }, { questionId: 'q-nps', value: 1 }])).toEqual([['answers', 'missing_required']]);
  });

  it('says it in the reader\'s language', () => {
    const result = checkAnswers(Q, [{ questionId: 'q-single', value: 5 }]);
    if (!('problems' in result)) throw new Error('expected problems');
    const [en, id] = [answerProblemDetails(result.problems, 'en'), answerProblemDetails(result.problems, 'id')];
    expect(en[0]).toEqual({ path: 'answers[0].value', reason: 'unknown_option', questionId: 'q-single', message: 'Choose one of the 3 options (0 to 2).' });
    expect(id[0]?.message).toBe('Pilih salah satu dari 3 pilihan (0 sampai 2).');
    expect(id[1]?.message).toBe('Pertanyaan ini wajib dijawab.');
  });
});

describe('edits of an open survey', () => {
  const stored: StoredQuestion[] = [
    { id: 'a', kind: 'single', prompt: 'Where?', options: ['x', 'y'], required: false, min: null, max: null },
    { id: 'b', kind: 'rating', prompt: 'How good?', options: [], required: true, min: 1, max: 5 },
    { id: 'c', kind: 'text', prompt: 'Anything else?', options: [], required: false, min: null, max: 100 },
  ];
  const same: EditedQuestion[] = stored.map((q) => ({ ...q }));
  const reasons = (edited: typeof same) => openQuestionProblems(stored, edited).map((p) => p.reason);

  it('allows rewording, appended options, a longer text limit, required made optional, optional questions at the end', () => {
    expect(reasons(same)).toEqual([]);
    const [a, b, c] = same as [EditedQuestion, EditedQuestion, EditedQuestion];
    expect(reasons([{ ...a, options: ['X!', 'Y!', 'z'] }, { ...b, required: false }, { ...c, max: 500 }, { kind: 'nps', prompt: 'Recommend?', options: [], required: false, min: 0, max: 10 } as EditedQuestion])).toEqual([]);
  });

  it('locks removals, moves, kinds, ranges, shorter limits, new requirements', () => {
    const [a, b, c] = same as [EditedQuestion, EditedQuestion, EditedQuestion];
    expect(reasons([a, b])).toEqual(['question_removed']);
    expect(reasons([b, a, c])).toEqual(['question_moved', 'question_moved']);
    expect(reasons([{ ...a, kind: 'multi' }, b, c])).toEqual(['kind_changed']);
    expect(reasons([{ ...a, options: ['x'] }, b, c])).toEqual(['options_removed']);
    expect(reasons([a, { ...b, max: 7 }, c])).toEqual(['range_changed']);
    expect(reasons([a, b, { ...c, max: 99 }])).toEqual(['range_changed']);
    expect(reasons([{ ...a, required: true }, b, c])).toEqual(['made_required']);
    expect(reasons([a, b, c, { kind: 'nps', prompt: 'Recommend?', options: [], required: true, min: 0, max: 10 } as EditedQuestion])).toEqual(['new_question_required']);
    expect(reasons([a, b, { ...c, id: 'zz' }])).toEqual(['question_removed', 'question_removed']);
    expect(openSurveyProblems({ anonymousChanged: true, audienceChanged: true }).map((p) => p.path)).toEqual(['body.anonymous', 'body.audience']);
  });

  it('takes typo fixes of labels and prompts, refuses swaps and rewrites that would flip the meaning of answers given', () => {
    const [a, b, c] = same as [EditedQuestion, EditedQuestion, EditedQuestion];
    const keep: StoredQuestion[] = [{ id: 'k', kind: 'single', prompt: 'Keep the current moderators?', options: ['Keep them', 'Replace them'], required: false, min: null, max: null }, { id: 'l', kind: 'text', prompt: 'Why?', options: [], required: false, min: null, max: 100 }];
    const [k, l] = keep.map((q) => ({ ...q })) as [EditedQuestion, EditedQuestion];
    const why = (edited: EditedQuestion[]) => openQuestionProblems(keep, edited).map((p) => `${p.reason} ${p.path}`);
    expect(why([{ ...k, options: ['Keep thme', 'Replace  them '] }, l])).toEqual([]);
    expect(why([{ ...k, options: ['KEEP THEM', 'replace them'] }, l])).toEqual([]);
    expect(why([{ ...k, options: ['Replace them', 'Keep them'] }, l])).toEqual(['option_changed body.questions[0].options[0]', 'option_changed body.questions[0].options[1]']);
    expect(why([{ ...k, options: ['Keep them', 'Remove everybody now'] }, l])).toEqual(['option_changed body.questions[0].options[1]']);
    expect(why([{ ...k, prompt: 'Keep the current moderator?' }, l])).toEqual([]);
    expect(why([{ ...k, prompt: 'Why?' }, { ...l, prompt: 'Keep the current moderators?' }])).toEqual(['prompt_changed body.questions[0].prompt', 'prompt_changed body.questions[1].prompt']);
    expect(why([{ ...k, prompt: 'Should the whole team be fired?' }, l])).toEqual(['prompt_changed body.questions[0].prompt']);
    // Short labels: up to three edits are a correction ('x' -> 'X!'), taking the other label is not.
    expect(reasons([{ ...a, options: ['y', 'x'] }, b, c])).toEqual(['option_changed', 'option_changed']);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(isSafeReword('Yes', 'No', ['No'])).toBe(false);
    expect(isSafeReword('Sangat setuju', 'Sangat stuju', ['Tidak setuju'])).toBe(true);
  });
});

describe('pseudonyms', () => {
  const key = Buffer.from('k'.repeat(64));

  it('differ per survey and per member, equal no user id and no plain hash of one, and are stable', () => {
    const a = anonymousRespondentKey(key, { surveyId: 's1', userId: 'u1' });
    expect(a).toBe(anonymousRespondentKey(key, { surveyId: 's1', userId: 'u1' }));
    expect(a).not.toBe(anonymousRespondentKey(key, { surveyId: 's2', userId: 'u1' }));
    expect(a).not.toBe(anonymousRespondentKey(key, { surveyId: 's1', userId: 'u2' }));
    expect(a).not.toBe(anonymousRespondentKey(Buffer.from('j'.repeat(64)), { surveyId: 's1', userId: 'u1' }));
    expect(a).not.toBe(createHash('sha256').update('u1').digest('hex'));
    expect(respondentKey(key, { surveyId: 's1', userId: 'u1', anonymous: false })).toBe('u1');
    expect(utcDay(new Date('2026-12-05T23:59:59.999Z')).toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('take the key from SURVEY_PSEUDONYM_KEY, or generate it once into a 0600 file beside the database', () => {
    const dir = tempDir('rukun-key-');
    const config = { DATABASE_URL: `file:${join(dir, 'db', 'rukun.db')}`, DATA_DIR: dir, SURVEY_PSEUDONYM_KEY: undefined };
    const first = pseudonymServerKey(config);
    const path = join(dir, 'db', PSEUDONYM_KEY_FILE);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymServerKey(config).equals(first)).toBe(true);
    expect(pseudonymServerKey({ ...config, SURVEY_PSEUDONYM_KEY: 'e'.repeat(40) }).toString()).toBe('e'.repeat(40));
  });
});

describe('the create schema', () => {
  const clock = () => new Date('2026-12-05T03:00:00.000Z');
  it('defaults rating bounds 1..5, nps 0..10, text 2000, audience all, not anonymous', () => {
    const parsed = createSurveyBody(clock).parse({ title: ' Survei ', questions: [{ kind: 'rating', prompt: 'a' }, { kind: 'nps', prompt: 'b' }, { kind: 'text', prompt: 'c' }] });
    expect(parsed).toMatchObject({ title: 'Survei', description: '', anonymous: false, audience: { kind: 'all' } });
    expect(parsed.questions.map((q) => [q.min, q.max])).toEqual([
      [1, 5],
      [0, 10],
      [null, 2000],
    ]);
  });
});
