// The survey builder's state (client/src/surveys/surveyForm.ts): adding, editing, reordering and removing questions,
// the locks of an open survey (only rewording, appended options and optional questions at the end), the checks
// before saving, the create and PATCH bodies, and 422 details mapped back onto fields and questions.
import { describe, expect, it } from 'vitest';
import type { Survey, SurveyQuestion } from '../../server/contracts/surveys';
import {
  canMove,
  checkSurveyForm,
  closesAtOf,
  initialSurveyForm,
  patchOf,
  previewQuestions,
  serverProblemsOf,
  surveyFormReducer,
  type SurveyFormAction,
  type SurveyFormState,
} from '../../client/src/surveys/surveyForm';
import { matchSurveyRoute, newSurveyPath, surveyPath, surveysPath } from '../../client/src/surveys/routes';

const NOW = new Date('2026-12-05T12:00:00Z');

function run(state: SurveyFormState, ...actions: SurveyFormAction[]): SurveyFormState {
  return actions.reduce(surveyFormReducer, state);
}

function keys(state: SurveyFormState): string[] {
  return state.values.questions.map((q) => q.key);
}

function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 's1',
    communitySlug: 'kopdar',
    title: 'Survei kopdar',
    description: '',
    anonymous: false,
    state: 'open',
    closesAt: null,
    openedAt: '2026-12-01T00:00:00Z',
    closedAt: null,
    audience: { kind: 'all' },
    questions: [
      { id: 'qa', kind: 'single', prompt: 'Di mana?', options: ['Jakarta', 'Bandung'], required: true, min: null, max: null, maxLength: null } as SurveyQuestion,
      { id: 'qb', kind: 'rating', prompt: 'Seberapa puas?', options: [], required: false, min: 1, max: 5, maxLength: null } as SurveyQuestion,
    ],
    answered: false,
    responseCount: 3,
    version: 4,
    createdBy: { id: 'u1', handle: 'ani', displayName: 'Ani' } as Survey['createdBy'],
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    ...overrides,
  };
}

/** A valid new survey: a single choice, a rating and an NPS question. */
function filled(): SurveyFormState {
  let state = initialSurveyForm();
  const [first] = keys(state);
  state = run(
    state,
    { type: 'set', field: 'title', value: '  Survei kopdar Desember ' },
    { type: 'setPrompt', key: first ?? '', value: 'Kopdar berikutnya di mana?' },
    { type: 'setOption', key: first ?? '', index: 0, value: 'Jakarta' },
    { type: 'setOption', key: first ?? '', index: 1, value: 'Bandung' },
    { type: 'setRequired', key: first ?? '', value: true },
    { type: 'add', kind: 'rating' },
    { type: 'add', kind: 'nps' },
  );
  const [, rating, nps] = keys(state);
  return run(state, { type: 'setPrompt', key: rating ?? '', value: 'Seberapa puas?' }, { type: 'setPrompt', key: nps ?? '', value: 'Rekomendasi?' });
}

describe('surveyFormReducer: a new survey', () => {
  it('starts with one single-choice question with two empty options', () => {
    const state = initialSurveyForm();
    expect(state.open).toBe(false);
    expect(state.values.questions).toHaveLength(1);
    expect(state.values.questions[0]).toMatchObject({ kind: 'single', options: ['', ''], required: false, id: null });
  });

  it('adds questions with unique keys and kind defaults (rating 1..5, no options for nps)', () => {
    const state = run(initialSurveyForm(), { type: 'add', kind: 'rating' }, { type: 'add', kind: 'nps' }, { type: 'add', kind: 'text' });
    expect(new Set(keys(state)).size).toBe(4);
    expect(state.values.questions.map((q) => q.kind)).toEqual(['single', 'rating', 'nps', 'text']);
    expect(state.values.questions[1]).toMatchObject({ min: '1', max: '5', options: [] });
    expect(state.values.questions[2]).toMatchObject({ options: [] });
  });

  it('moves a question up and down and refuses to move past the ends', () => {
    const state = run(initialSurveyForm(), { type: 'add', kind: 'rating' }, { type: 'add', kind: 'nps' });
    const [a, b, c] = keys(state);
    expect(keys(run(state, { type: 'move', key: c ?? '', by: -1 }))).toEqual([a, c, b]);
    expect(keys(run(state, { type: 'move', key: a ?? '', by: 1 }))).toEqual([b, a, c]);
    expect(run(state, { type: 'move', key: a ?? '', by: -1 })).toBe(state);
    expect(run(state, { type: 'move', key: c ?? '', by: 1 })).toBe(state);
    expect(canMove(state.values.questions, a ?? '', -1)).toBe(false);
    expect(canMove(state.values.questions, b ?? '', -1)).toBe(true);
  });

  it('removes a question and changes a kind, keeping the prompt', () => {
    let state = run(initialSurveyForm(), { type: 'add', kind: 'text' });
    const [a, b] = keys(state);
    state = run(state, { type: 'setPrompt', key: a ?? '', value: 'Puas?' }, { type: 'setKind', key: a ?? '', kind: 'rating' }, { type: 'remove', key: b ?? '' });
    expect(state.values.questions).toHaveLength(1);
    expect(state.values.questions[0]).toMatchObject({ kind: 'rating', prompt: 'Puas?', options: [], min: '1', max: '5' });
  });

  it('adds, edits and removes options', () => {
    let state = initialSurveyForm();
    const [a] = keys(state);
    state = run(state, { type: 'addOption', key: a ?? '' }, { type: 'setOption', key: a ?? '', index: 2, value: 'Surabaya' }, { type: 'removeOption', key: a ?? '', index: 0 });
    expect(state.values.questions[0]?.options).toEqual(['', 'Surabaya']);
  });
});

describe('checkSurveyForm', () => {
  it('builds the create body, trimmed, with options and rating bounds as numbers', () => {
    const checked = checkSurveyForm(filled(), NOW);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.input).toEqual({
      title: 'Survei kopdar Desember',
      anonymous: false,
      questions: [
        { kind: 'single', prompt: 'Kopdar berikutnya di mana?', options: ['Jakarta', 'Bandung'], required: true },
        { kind: 'rating', prompt: 'Seberapa puas?', required: false, min: 1, max: 5 },
        { kind: 'nps', prompt: 'Rekomendasi?', required: false },
      ],
    });
  });

  it('lists every problem at once: title, prompt, options, rating range, closing time in the past, event', () => {
    let state = run(initialSurveyForm(), { type: 'add', kind: 'rating' }, { type: 'setAudience', value: 'event' });
    const [single, rating] = keys(state);
    state = run(
      state,
      { type: 'setOption', key: single ?? '', index: 0, value: 'Jakarta' },
      { type: 'setPrompt', key: rating ?? '', value: 'Puas?' },
      { type: 'setBound', key: rating ?? '', bound: 'min', value: '5' },
      { type: 'setBound', key: rating ?? '', bound: 'max', value: '3' },
      { type: 'set', field: 'closesDate', value: '2026-12-01' },
      { type: 'set', field: 'closesTime', value: '10:00' },
    );
    const checked = checkSurveyForm(state, NOW);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.title).toBe('required');
    expect(checked.problems.closesAt).toBe('past');
    expect(checked.problems.event).toBe('event');
    expect(checked.problems.question[single ?? '']).toEqual({ prompt: 'required', options: 'options' });
    expect(checked.problems.question[rating ?? '']).toEqual({ range: 'range' });
  });

  it('refuses a survey without questions and a rating beyond 0..10', () => {
    let state = initialSurveyForm();
    state = run(state, { type: 'remove', key: keys(state)[0] ?? '' }, { type: 'set', field: 'title', value: 'T' });
    const empty = checkSurveyForm(state, NOW);
    expect(!empty.ok && empty.problems.questions).toBe('required');
    state = run(state, { type: 'add', kind: 'rating' });
    const key = keys(state)[0] ?? '';
    state = run(state, { type: 'setPrompt', key, value: 'P' }, { type: 'setBound', key, bound: 'max', value: '11' });
    const wide = checkSurveyForm(state, NOW);
    expect(!wide.ok && wide.problems.question[key]).toEqual({ range: 'range' });
  });

  it('refuses options that differ only in case, as the server does', () => {
    const state = filled();
    const key = keys(state)[0] ?? '';
    const checked = checkSurveyForm(run(state, { type: 'setOption', key, index: 1, value: 'jakarta ' }), NOW);
    expect(!checked.ok && checked.problems.question[key]).toEqual({ options: 'duplicate' });
  });

  it('reads the closing time in the local zone; empty means none', () => {
    expect(closesAtOf('', '')).toBeNull();
    expect(closesAtOf('', '10:00')).toBe('invalid');
    expect(closesAtOf('2026-12-24', '18:30')).toBe(new Date('2026-12-24T18:30').toISOString());
  });

  it('sends the event audience only when chosen', () => {
    const state = run(filled(), { type: 'setAudience', value: 'event' }, { type: 'set', field: 'eventId', value: 'ev1' });
    const checked = checkSurveyForm(state, NOW);
    expect(checked.ok && checked.input.audience).toEqual({ kind: 'event', eventId: 'ev1' });
  });
});

describe('an open survey keeps answers valid', () => {
  const open = initialSurveyForm(survey());

  it('locks saved questions: kind, required, bounds, place, removal and saved options', () => {
    expect(open.open).toBe(true);
    const [qa, qb] = keys(open);
    const after = run(
      open,
      { type: 'setKind', key: qa ?? '', kind: 'multi' },
      { type: 'setRequired', key: qa ?? '', value: false },
      { type: 'setBound', key: qb ?? '', bound: 'max', value: '10' },
      { type: 'move', key: qb ?? '', by: -1 },
      { type: 'remove', key: qa ?? '' },
      { type: 'removeOption', key: qa ?? '', index: 0 },
      { type: 'setAnonymous', value: true },
      { type: 'setAudience', value: 'event' },
    );
    expect(after.values).toEqual(open.values);
  });

  it('allows rewording, appended options (removable again) and new optional questions at the end only', () => {
    const [qa] = keys(open);
    let after = run(
      open,
      { type: 'setPrompt', key: qa ?? '', value: 'Kopdar di kota mana?' },
      { type: 'setOption', key: qa ?? '', index: 1, value: 'Bandung (Dago)' },
      { type: 'addOption', key: qa ?? '' },
      { type: 'setOption', key: qa ?? '', index: 2, value: 'Surabaya' },
      { type: 'add', kind: 'text' },
    );
    const added = keys(after)[2] ?? '';
    after = run(after, { type: 'setRequired', key: added, value: true }, { type: 'move', key: added, by: -1 }, { type: 'setPrompt', key: added, value: 'Saran?' });
    expect(after.values.questions[0]?.options).toEqual(['Jakarta', 'Bandung (Dago)', 'Surabaya']);
    expect(keys(after)[2]).toBe(added);
    expect(after.values.questions[2]).toMatchObject({ required: false, id: null, prompt: 'Saran?' });
    expect(run(after, { type: 'removeOption', key: qa ?? '', index: 2 }).values.questions[0]?.options).toEqual(['Jakarta', 'Bandung (Dago)']);
  });

  it('patches only what changed, with the version, and questions with their ids', () => {
    const loaded = survey();
    const unchanged = checkSurveyForm(initialSurveyForm(loaded), NOW);
    expect(unchanged.ok && patchOf(unchanged.input, loaded)).toEqual({ version: 4 });
    const [qa] = keys(open);
    const edited = run(open, { type: 'set', field: 'title', value: 'Survei baru' }, { type: 'setPrompt', key: qa ?? '', value: 'Di kota mana?' });
    const checked = checkSurveyForm(edited, NOW);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const patch = patchOf(checked.input, loaded);
    expect(patch.title).toBe('Survei baru');
    expect(patch.version).toBe(4);
    expect(patch.anonymous).toBeUndefined();
    expect(patch.questions?.map((q) => q.id)).toEqual(['qa', 'qb']);
    expect(patch.questions?.[0]?.prompt).toBe('Di kota mana?');
  });
});

describe('previewQuestions', () => {
  it('shows the builder as the answering form: nps 0..10, an unfinished rating as 1..5', () => {
    let state = run(initialSurveyForm(), { type: 'add', kind: 'nps' }, { type: 'add', kind: 'rating' });
    const rating = keys(state)[2] ?? '';
    state = run(state, { type: 'setBound', key: rating, bound: 'max', value: 'x' });
    const shown = previewQuestions(state.values);
    expect(shown.map((q) => [q.kind, q.min, q.max])).toEqual([
      ['single', null, null],
      ['nps', 0, 10],
      ['rating', 1, 5],
    ]);
  });
});

describe('serverProblemsOf', () => {
  it('maps 422 paths onto fields and questions by index, first message wins', () => {
    expect(
      serverProblemsOf([
        { path: 'body.title', message: 'Terlalu panjang' },
        { path: 'questions.1.options', message: 'Minimal dua pilihan' },
        { path: 'questions[2].prompt', message: 'Wajib' },
        { path: 'questions.1.prompt', message: 'second' },
        { path: 'somethingElse', message: 'x' },
        'garbage',
      ]),
    ).toEqual({ title: 'Terlalu panjang', 'question:1': 'Minimal dua pilihan', 'question:2': 'Wajib' });
    expect(serverProblemsOf(null)).toEqual({});
  });
});

describe('survey routes', () => {
  it('matches the community and survey paths and builds them back', () => {
    expect(matchSurveyRoute({ pathname: surveysPath('kopdar jkt') })).toEqual({ name: 'list', slug: 'kopdar jkt' });
    expect(matchSurveyRoute({ pathname: newSurveyPath('kopdar') })).toEqual({ name: 'new', slug: 'kopdar' });
    expect(matchSurveyRoute({ pathname: surveyPath('s1') })).toEqual({ name: 'survey', id: 's1' });
    expect(matchSurveyRoute({ pathname: `${surveyPath('s1', 'results')}/` })).toEqual({ name: 'results', id: 's1' });
    expect(matchSurveyRoute({ pathname: surveyPath('s1', 'edit') })).toEqual({ name: 'edit', id: 's1' });
    expect(matchSurveyRoute({ pathname: '/c/kopdar/events' })).toBeNull();
    expect(matchSurveyRoute({ pathname: '/surveys/%E0%A4%A' })).toBeNull();
  });
});
