// Review of issue 11: edits of open surveys, hostile input on the new routes, and who hears survey:response and
// feedback:new. The findings are fixed; these are regression tests, with what was checked and held.
// Run alone: npx vitest run test/security/review11/editsInputsAndRooms.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

interface Built {
  id: string;
  version: number;
  questions: { id: string; kind: string; prompt: string; options: string[] }[];
}

async function openSurvey(manager: TestUser, slug: string, body: Record<string, unknown>): Promise<Built> {
  const created = await api.request<{ survey: Built }>('POST', `/api/communities/${slug}/surveys`, { token: manager.token, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const opened = await api.request<{ survey: Built }>('POST', `/api/surveys/${created.body.survey.id}/open`, { token: manager.token });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.body.survey;
}

async function answer(user: TestUser, survey: Built, values: unknown[]) {
  const res = await api.request('POST', `/api/surveys/${survey.id}/responses`, {
    token: user.token,
    body: { answers: values.map((value, i) => ({ questionId: survey.questions[i]?.id, value })) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe('review 11: editing an open survey', () => {
  it('refuses to swap the option labels or prompts of an open survey (409 survey_locked option_changed / prompt_changed); a typo fix passes and the audit log records the wording', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const members = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 5 });
    const survey = await openSurvey(owner, community.slug, {
      title: 'Vote',
      questions: [
        { kind: 'single', prompt: 'Keep the current moderators?', options: ['Keep them', 'Replace them'] },
        { kind: 'single', prompt: 'Replace the current moderators?', options: ['Yes', 'No'] },
      ],
    });
    for (const m of members) await answer(m, survey, [0, 1]);
    const [q, r] = survey.questions as [Built['questions'][number], Built['questions'][number]];
    const patch = (questions: unknown[]) => api.request<{ error: { code: string; details: { path: string; reason: string }[] } }>('PATCH', `/api/surveys/${survey.id}`, { token: owner.token, body: { questions } });
    const swap = await patch([{ id: q.id, kind: 'single', prompt: q.prompt, options: ['Replace them', 'Keep them'] }, { id: r.id, kind: 'single', prompt: r.prompt, options: r.options }]);
    expect(swap.status).toBe(409);
    expect(swap.body.error.code).toBe('survey_locked');
    expect(swap.body.error.details.map((d) => `${d.reason} ${d.path}`)).toEqual(['option_changed body.questions[0].options[0]', 'option_changed body.questions[0].options[1]']);
    const prompts = await patch([{ id: q.id, kind: 'single', prompt: r.prompt, options: q.options }, { id: r.id, kind: 'single', prompt: q.prompt, options: r.options }]);
    expect(prompts.status).toBe(409);
    expect(prompts.body.error.details.map((d) => d.reason)).toEqual(['prompt_changed', 'prompt_changed']);
    const res = await api.request<{ results: SurveyResults }>('GET', `/api/surveys/${survey.id}/results`, { token: owner.token });
    const options = (res.body.results.questions[0] as { options: { label: string; count: number }[] }).options;
    expect(options.map((o) => [o.label, o.count])).toEqual([['Keep them', 5], ['Replace them', 0]]);
    // A typo fix is still an allowed edit, and the log shows the wording before and after.
    const fix = await patch([{ id: q.id, kind: 'single', prompt: 'Keep the current moderators ?', options: ['Keep them.', 'Replace them'] }, { id: r.id, kind: 'single', prompt: r.prompt, options: r.options }]);
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetId: survey.id, action: 'survey.update' } });
    expect(audit).toHaveLength(1);
    const entry = audit[0] as { before: unknown; after: unknown };
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    expect(text(entry.before)).toContain('"Keep them"');
    expect(text(entry.before)).toContain('Keep the current moderators?');
    expect(text(entry.after)).toContain('"Keep them."');
    expect(text(entry.after)).toContain('Keep the current moderators ?');
  });
});

describe('review 11: hostile input', () => {
  it('cursors with dates at the edge of what Date holds are 4xx or a page, never a 5xx (texts, me/feedback, inbox, survey list)', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const survey = await openSurvey(owner, community.slug, { title: 'T', anonymous: false, questions: [{ kind: 'text', prompt: 'Say' }] });
    const q = survey.questions[0]?.id ?? '';
    const dates = ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-02-31'];
    const statuses: string[] = [];
    for (const at of dates) {
      const two = Buffer.from(JSON.stringify([at, 'x'])).toString('base64url');
      const three = Buffer.from(JSON.stringify([0, at, 'x'])).toString('base64url');
      for (const path of [`/api/surveys/${survey.id}/results/questions/${q}/texts?cursor=${two}`, `/api/me/feedback?cursor=${two}`, `/api/communities/${community.slug}/feedback?cursor=${three}`, `/api/communities/${community.slug}/surveys?cursor=${two}`]) {
        const res = await api.request('GET', path, { token: owner.token });
        statuses.push(`${res.status} ${at} ${path.split('?')[0]}`);
      }
    }
    expect(statuses.filter((s) => s.startsWith('5'))).toEqual([]);
  });

  it('deeply nested and oversized answer values are refused with a 4xx and the server stays up', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [member] = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 1 });
    const survey = await openSurvey(owner, community.slug, { title: 'N', questions: [{ kind: 'multi', prompt: 'Pick', options: ['a', 'b'] }, { kind: 'text', prompt: 'Say', maxLength: 10 }] });
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const raw = `{"answers":[{"questionId":"${survey.questions[0]?.id}","value":${deep}}]}`;
    const nested = await api.request('POST', `/api/surveys/${survey.id}/responses`, { token: member?.token ?? '', raw });
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
    const big = await api.request('POST', `/api/surveys/${survey.id}/responses`, { token: member?.token ?? '', body: { answers: [{ questionId: survey.questions[0]?.id, value: Array.from({ length: 9000 }, (_, i) => i) }] } });
    expect(big.status).toBe(422);
    const ids = await api.request('POST', `/api/surveys/${survey.id}/responses`, { token: member?.token ?? '', body: { answers: [{ questionId: (survey.questions[0]?.id ?? '').toUpperCase(), value: [0] }] } });
    expect(ids.status).toBe(422);
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });

  it('CSV neutralises formulas in prompts, labels, texts and names (checked: leading blanks are trimmed at input)', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [member] = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 1 });
    await server.rukun.deps.db.user.update({ where: { id: member?.id ?? '' }, data: { displayName: '=HYPERLINK("http://x","y")' } });
    const survey = await openSurvey(owner, community.slug, {
      title: 'C',
      questions: [
        { kind: 'single', prompt: ' =cmd|"/c calc"!A0', options: ['@SUM(1)', '+1'] },
        { kind: 'text', prompt: '-2+3' },
      ],
    });
    await answer(member as TestUser, survey, [0, ' \t=1+1']);
    const csv = await api.request<string>('GET', `/api/surveys/${survey.id}/results.csv?identify=true`, { token: owner.token });
    expect(csv.status).toBe(200);
    for (const line of csv.body.replace(/^\uFEFF/, '').trim().split('\n')) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('review 11: who hears survey:response and feedback:new', () => {
  it('moderators and members never hear survey:response; members never hear feedback:new; a demoted moderator stops hearing it on the open socket', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [moderator, member, author] = await Promise.all([createUser(api), createUser(api), createUser(api)]);
    for (const u of [moderator, member, author]) await join(api, u as TestUser, community.slug);
    await setRole(api, owner, community.slug, moderator.id, 'moderator');
    const [mgrSock, modSock, memSock] = await Promise.all([pool.connect(owner.token), pool.connect(moderator.token), pool.connect(member.token)]);
    for (const s of [mgrSock, modSock, memSock]) await s.join(community.slug);
    const survey = await openSurvey(owner, community.slug, { title: 'R', anonymous: true, questions: [{ kind: 'nps', prompt: 'How likely' }] });
    await answer(author, survey, [9]);
    await mgrSock.next('survey:response', (p: { surveyId: string }) => p.surveyId === survey.id);
    const first = await api.request<{ feedback: { id: string } }>('POST', `/api/communities/${community.slug}/feedback`, { token: author.token, body: { kind: 'question', body: 'Hello staff' } });
    expect(first.status).toBe(201);
    await modSock.next('feedback:new', (p: { feedback: { id: string } }) => p.feedback.id === first.body.feedback.id);
    await mgrSock.next('feedback:new', (p: { feedback: { id: string } }) => p.feedback.id === first.body.feedback.id);
    await setRole(api, owner, community.slug, moderator.id, 'member');
    await modSock.next('membership:changed');
    const second = await api.request<{ feedback: { id: string } }>('POST', `/api/communities/${community.slug}/feedback`, { token: author.token, body: { kind: 'problem', body: 'Second one' } });
    await mgrSock.next('feedback:new', (p: { feedback: { id: string } }) => p.feedback.id === second.body.feedback.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(modSock.received.filter((r) => r.event === 'survey:response')).toEqual([]);
    expect(memSock.received.filter((r) => r.event === 'survey:response' || r.event === 'feedback:new')).toEqual([]);
    expect(modSock.received.filter((r) => r.event === 'feedback:new').map((r) => (r.payload as { feedback: { id: string } }).feedback.id)).toEqual([first.body.feedback.id]);
    for (const s of [mgrSock, modSock, memSock]) s.socket.close();
  });

  it('a manager demoted to moderator stops hearing survey:response, and a banned moderator stops hearing feedback:new, on their open sockets', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [manager, moderator, author] = await Promise.all([createUser(api), createUser(api), createUser(api)]);
    for (const u of [manager, moderator, author]) await join(api, u as TestUser, community.slug);
    await setRole(api, owner, community.slug, manager.id, 'manager');
    await setRole(api, owner, community.slug, moderator.id, 'moderator');
    const [ownSock, mgrSock, modSock] = await Promise.all([pool.connect(owner.token), pool.connect(manager.token), pool.connect(moderator.token)]);
    for (const s of [ownSock, mgrSock, modSock]) await s.join(community.slug);
    const survey = await openSurvey(owner, community.slug, { title: 'D', questions: [{ kind: 'nps', prompt: 'How likely' }] });
    await setRole(api, owner, community.slug, manager.id, 'moderator');
    await mgrSock.next('membership:changed');
    const ban = await api.request('POST', `/api/communities/${community.slug}/members/${moderator.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'review' } });
    expect(ban.status).toBe(201);
    await modSock.next('membership:changed');
    await answer(author, survey, [10]);
    const fb = await api.request<{ feedback: { id: string } }>('POST', `/api/communities/${community.slug}/feedback`, { token: author.token, body: { kind: 'question', body: 'After the changes' } });
    await ownSock.next('survey:response', (p: { surveyId: string }) => p.surveyId === survey.id);
    await ownSock.next('feedback:new', (p: { feedback: { id: string } }) => p.feedback.id === fb.body.feedback.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(mgrSock.received.filter((r) => r.event === 'survey:response')).toEqual([]);
    expect(modSock.received.filter((r) => r.event === 'feedback:new' || r.event === 'survey:response')).toEqual([]);
    for (const s of [ownSock, mgrSock, modSock]) s.socket.close();
  });

  it('held feedback is never announced, and its author sees it as sent, without reasons', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const author = await createUser(api);
    await join(api, author, community.slug);
    const staffSock = await pool.connect(owner.token);
    await staffSock.join(community.slug);
    const sent = await api.request<{ feedback: Record<string, unknown> }>('POST', `/api/communities/${community.slug}/feedback`, { token: author.token, body: { kind: 'problem', body: 'dasar bangsat kalian semua' } });
    expect(sent.status).toBe(201);
    expect(sent.body.feedback).toMatchObject({ screening: 'clear', assignee: null });
    expect(sent.body.feedback).not.toHaveProperty('reasons');
    const staffView = await api.request<{ feedback: { screening: string } }>('GET', `/api/feedback/${String(sent.body.feedback.id)}`, { token: owner.token });
    expect(staffView.body.feedback.screening).toBe('held');
    const mine = await api.request<{ items: Record<string, unknown>[] }>('GET', '/api/me/feedback', { token: author.token });
    expect(JSON.stringify(mine.body)).not.toContain('"held"');
    await new Promise((r) => setTimeout(r, 300));
    expect(staffSock.received.filter((r) => r.event === 'feedback:new')).toEqual([]);
    staffSock.socket.close();
  });
});
