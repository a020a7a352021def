// Results and the CSV export of responses sent through the answering route (POST /surveys/:id/responses), so the
// rows the results read are the ones the answering command really writes, on a named and on an anonymous survey.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerInput } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import type { TestUser } from '../../helpers/factories';
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

async function answer(user: TestUser, surveyId: string, answers: AnswerInput[]): Promise<void> {
  const res = await api.request('POST', `/api/surveys/${surveyId}/responses`, { token: user.token, body: { answers } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe.each([{ anonymous: false }, { anonymous: true }])('answers sent through the API (anonymous: $anonymous)', ({ anonymous }) => {
  it('are counted by the results and exported one row per response', async () => {
    const setting = await communityWith(server, api, 6);
    const survey = await surveyOf(server, setting, { anonymous });
    const [single, multi, rating, nps, text] = survey.q as [string, string, string, string, string];
    const sent: [number, number[], number, number, string][] = [
      [0, [0, 2], 5, 10, 'Mantap sekali'],
      [1, [1], 4, 9, '=SUM(A1)'],
      [0, [0, 1, 2], 3, 6, 'Lebih sering ya'],
      [2, [], 4, 7, ''],
      [0, [2], 2, 0, 'Tempat lebih luas'],
      [1, [0], 5, 10, 'Terima kasih'],
    ];
    for (const [i, [choice, chosen, stars, score, note]] of sent.entries()) {
      const member = setting.members[i] as TestUser;
      await answer(member, survey.id, [
        { questionId: single, value: choice },
        { questionId: multi, value: chosen },
        { questionId: rating, value: stars },
        { questionId: nps, value: score },
        { questionId: text, value: note },
      ]);
    }
    const results = await resultsOf(api, setting.owner, survey.id);
    expect(results).toMatchObject({ responseCount: 6, audienceSize: 7, responseRate: 0.8571, hidden: false });
    expect(questionAt(results, 0, 'single').options.map((o) => o.count)).toEqual([3, 2, 1]);
    // Five responses chose something (the fourth sent an empty choice).
    const chosen = questionAt(results, 1, 'multi');
    expect(chosen.answered).toBe(5);
    expect(chosen.options.map((o) => o.count)).toEqual([3, 2, 3]);
    // (5 + 4 + 3 + 4 + 2 + 5) / 6 = 3.83
    expect(questionAt(results, 2, 'rating')).toMatchObject({ mean: 3.83, answered: 6 });
    // Promoters 10, 9, 10; passive 7; detractors 6, 0: (3 - 2) / 6 -> 17.
    expect(questionAt(results, 3, 'nps')).toMatchObject({ nps: 17, promoters: 3, passives: 1, detractors: 2 });
    const texts = questionAt(results, 4, 'text');
    // An empty text is "not answered".
    expect(texts.answered).toBe(5);
    expect([...texts.texts.items].sort()).toEqual(['=SUM(A1)', 'Lebih sering ya', 'Mantap sekali', 'Tempat lebih luas', 'Terima kasih']);

    const res = await fetch(`${server.baseUrl}/api/surveys/${survey.id}/results.csv`, { headers: { authorization: `Bearer ${setting.owner.token}` } });
    expect(res.status).toBe(200);
    const rows = parse(Buffer.from(await res.arrayBuffer()), { bom: true }) as string[][];
    expect(rows).toHaveLength(7);
    const cells = rows.slice(1).map((row) => row.slice(2));
    expect(rows[0]?.slice(2)).toEqual(survey.questions.map((q) => q.prompt));
    expect(cells).toContainEqual(['Bandung', 'Acara', '4', '9', "'=SUM(A1)"]);
    expect(cells).toContainEqual(['Surabaya', '', '4', '7', '']);
    expect(cells).toContainEqual(['Jakarta', 'Moderasi; Acara; Survei', '3', '6', 'Lebih sering ya']);
  });
});
