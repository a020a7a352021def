// Anonymous surveys: below 5 responses every breakdown (and every text answer) is withheld while the response count
// still shows; from 5 on the results show, and never name anyone. Text answers: 20 inline, the rest paged newest
// first by cursor, with no answer lost or repeated, also when every anonymous response shares one day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertResponses } from '../../helpers/surveyResponses';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { communityWith, questionAt, resultsOf, surveyOf } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

type TextPage = { items: string[]; nextCursor: string | null; hidden: boolean };

async function textsPage(token: string, surveyId: string, questionId: string, query: string) {
  const res = await api.request<TextPage>('GET', `/api/surveys/${surveyId}/results/questions/${questionId}/texts${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every text answer, following nextCursor from the first page. */
async function walkTexts(token: string, surveyId: string, questionId: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: TextPage = await textsPage(token, surveyId, questionId, `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('paging did not end');
}

describe('an anonymous survey', () => {
  it('hides every breakdown below 5 responses and shows them from 5 on, never naming a respondent', async () => {
    const setting = await communityWith(server, api, 8);
    const db = server.rukun.deps.db;
    const survey = await surveyOf(server, setting, { anonymous: true });
    const [single, multi, rating, nps, text] = survey.q as [string, string, string, string, string];
    const answers = (i: number) => ({ [single]: i % 3, [multi]: [i % 3], [rating]: 1 + (i % 5), [nps]: 6 + i, [text]: `Usulan rahasia ${i}` });
    await insertResponses(db, survey, [0, 1, 2, 3].map((i) => ({ userId: setting.members[i]?.id ?? null, answers: answers(i) })));

    const hidden = await resultsOf(api, setting.owner, survey.id);
    expect(hidden).toMatchObject({ responseCount: 4, audienceSize: 9, hidden: true, threshold: 5 });
    expect(hidden.questions.every((q) => q.hidden && q.answered === 0)).toBe(true);
    expect(questionAt(hidden, 0, 'single').options).toEqual([]);
    expect(questionAt(hidden, 1, 'multi').options).toEqual([]);
    expect(questionAt(hidden, 2, 'rating')).toMatchObject({ mean: null, distribution: [] });
    expect(questionAt(hidden, 3, 'nps')).toMatchObject({ nps: null, promoters: 0, passives: 0, detractors: 0, distribution: [] });
    expect(questionAt(hidden, 4, 'text').texts).toEqual({ items: [], nextCursor: null });
    expect(JSON.stringify(hidden)).not.toContain('Usulan rahasia');
    expect(await textsPage(setting.owner.token, survey.id, text, '')).toEqual({ items: [], nextCursor: null, hidden: true });

    await insertResponses(db, survey, [{ userId: setting.members[4]?.id ?? null, answers: answers(4) }]);
    const shown = await resultsOf(api, setting.owner, survey.id);
    expect(shown).toMatchObject({ responseCount: 5, hidden: false });
    expect(shown.questions.every((q) => !q.hidden)).toBe(true);
    expect(questionAt(shown, 0, 'single').options.map((o) => o.count)).toEqual([2, 2, 1]);
    // NPS 6, 7, 8, 9, 10: two promoters, two passives, one detractor: (2 - 1) / 5 = 20.
    expect(questionAt(shown, 3, 'nps')).toMatchObject({ nps: 20, promoters: 2, passives: 2, detractors: 1 });
    expect([...questionAt(shown, 4, 'text').texts.items].sort()).toEqual(['Usulan rahasia 0', 'Usulan rahasia 1', 'Usulan rahasia 2', 'Usulan rahasia 3', 'Usulan rahasia 4']);
    const body = JSON.stringify(shown);
    for (const member of setting.members) {
      expect(body).not.toContain(member.id);
      expect(body).not.toContain(member.handle);
    }
    // The rows themselves: no user id stored next to an anonymous answer.
    const rows = await db.surveyResponse.findMany({ where: { surveyId: survey.id } });
    expect(rows.map((row) => row.userId)).toEqual([null, null, null, null, null]);
    expect(rows.some((row) => setting.members.some((m) => row.respondentKey.includes(m.id)))).toBe(false);
  });

  it('pages text answers that all share one day without losing or repeating any', async () => {
    const setting = await communityWith(server, api, 0);
    const survey = await surveyOf(server, setting, { anonymous: true, questions: [{ kind: 'text' }] });
    const [text] = survey.q as [string];
    const day = new Date('2026-12-01T09:00:00.000Z');
    await insertResponses(server.rukun.deps.db, survey, Array.from({ length: 12 }, (_, i) => ({ answers: { [text]: `jawaban ${i}` }, submittedAt: day })));
    const seen = await walkTexts(setting.owner.token, survey.id, text, 5);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});

describe('text answers', () => {
  it('shows the newest 20 inline and pages the rest newest first', async () => {
    const setting = await communityWith(server, api, 0);
    const survey = await surveyOf(server, setting, { questions: [{ kind: 'single', options: ['Ya', 'Tidak'] }, { kind: 'text' }] });
    const [single, text] = survey.q as [string, string];
    // 45 answers in time order, plus 3 responses that skipped the text question.
    const written = Array.from({ length: 45 }, (_, i) => `Saran nomor ${i}`);
    await insertResponses(server.rukun.deps.db, survey, [
      ...written.map((answer) => ({ answers: { [single]: 0, [text]: answer } })),
      ...[0, 1, 2].map(() => ({ answers: { [single]: 1 } })),
    ]);
    const newestFirst = [...written].reverse();
    const results = await resultsOf(api, setting.owner, survey.id);
    const inline = questionAt(results, 1, 'text');
    expect(inline.answered).toBe(45);
    expect(inline.texts.items).toEqual(newestFirst.slice(0, 20));
    expect(inline.texts.nextCursor).toEqual(expect.any(String));

    // The inline cursor continues where the inline page stopped.
    const next = await textsPage(setting.owner.token, survey.id, text, `?cursor=${encodeURIComponent(inline.texts.nextCursor ?? '')}`);
    expect(next.items).toEqual(newestFirst.slice(20, 40));
    expect(await walkTexts(setting.owner.token, survey.id, text, 20)).toEqual(newestFirst);
    expect(await walkTexts(setting.owner.token, survey.id, text, 7)).toEqual(newestFirst);
    const all = await textsPage(setting.owner.token, survey.id, text, '?limit=100');
    expect(all).toEqual({ items: newestFirst, nextCursor: null, hidden: false });
  });
});
