// GET /surveys/:id/results.csv parsed back with csv-parse: one row per response across export pages, headers in the
// manager's language, multi choices joined, a UTF-8 BOM, formula cells neutralised, and names and e-mails only on an
// identified export of a named survey (audited), never on an anonymous one.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import type { TestUser } from '../../helpers/factories';
import { insertResponses } from '../../helpers/surveyResponses';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { communityWith, surveyOf } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  rows: string[][];
}

/** Downloads the export as bytes (fetch's text() would drop the BOM) and parses it. */
async function download(token: string, surveyId: string, options: { query?: string; language?: string } = {}): Promise<Download> {
  const res = await fetch(`${server.baseUrl}/api/surveys/${surveyId}/results.csv${options.query ?? ''}`, {
    headers: { authorization: `Bearer ${token}`, ...(options.language ? { 'accept-language': options.language } : {}) },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const rows = res.status === 200 ? (parse(bytes, { bom: true, relax_column_count: false }) as string[][]) : [];
  return { status: res.status, headers: res.headers, bytes, rows };
}

describe('the CSV export', () => {
  it('writes one row per response with labels, joined choices, numbers and texts, neutralising formula cells', async () => {
    const setting = await communityWith(server, api, 3);
    const survey = await surveyOf(server, setting, { title: 'Survei Kopdar: Évaluasi 2026' });
    const [single, multi, rating, nps, text] = survey.q as [string, string, string, string, string];
    const m = setting.members;
    await insertResponses(server.rukun.deps.db, survey, [
      { userId: m[0]?.id, answers: { [single]: 0, [multi]: [2, 0], [rating]: 5, [nps]: 10, [text]: '=cmd|" /C calc"!A0' } },
      { userId: m[1]?.id, answers: { [single]: 2, [multi]: [1], [rating]: 3, [nps]: 0, [text]: '+1' } },
      { userId: m[2]?.id, answers: { [single]: 1, [text]: '-2' } },
      { userId: setting.owner.id, answers: { [nps]: 7, [text]: '@x, "kutip"\nbaris dua' } },
    ]);
    const res = await download(setting.owner.token, survey.id, { language: 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="survey-results-survei-kopdar-evaluasi-2026-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.rows).toHaveLength(5);
    expect(res.rows[0]).toEqual(['No.', 'Submitted (UTC)', 'Kopdar berikutnya di mana?', 'Topik yang diminati', 'Seberapa puas?', 'Seberapa mungkin Anda merekomendasikan komunitas ini?', 'Saran lain']);
    const [, first, second, third, fourth] = res.rows as [string[], string[], string[], string[], string[]];
    expect(first.slice(2)).toEqual(['Jakarta', 'Moderasi; Survei', '5', '10', `'=cmd|" /C calc"!A0`]);
    expect(second.slice(2)).toEqual(['Surabaya', 'Acara', '3', '0', "'+1"]);
    expect(third.slice(2)).toEqual(['Bandung', '', '', '', "'-2"]);
    expect(fourth.slice(2)).toEqual(['', '', '', '7', `'@x, "kutip"\nbaris dua`]);
    expect(res.rows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3', '4']);
    expect(new Date(first[1] ?? '').toISOString()).toBe(first[1]);
    // Nobody is named without ?identify=true.
    const written = res.bytes.toString('utf8');
    for (const user of [...m, setting.owner]) {
      expect(written).not.toContain(user.handle);
      expect(written).not.toContain(user.id);
    }

    const indonesian = await download(setting.owner.token, survey.id, { language: 'id' });
    expect(indonesian.rows[0]?.slice(0, 2)).toEqual(['No.', 'Dikirim (UTC)']);
    expect(indonesian.headers.get('content-disposition')).toContain('filename="hasil-survei-survei-kopdar-evaluasi-2026-');
  });

  it('names respondents on an identified export of a named survey, and records it in the audit log', async () => {
    const setting = await communityWith(server, api, 2);
    const db = server.rukun.deps.db;
    const survey = await surveyOf(server, setting, { questions: [{ kind: 'rating' }] });
    const [rating] = survey.q as [string];
    const [a, b] = setting.members as [TestUser, TestUser];
    await db.user.update({ where: { id: a.id }, data: { displayName: '=HYPERLINK("http://x")' } });
    await insertResponses(db, survey, [{ userId: a.id, answers: { [rating]: 4 } }, { userId: b.id, answers: { [rating]: 2 } }]);
    const res = await download(setting.owner.token, survey.id, { query: '?identify=true', language: 'en' });
    expect(res.status).toBe(200);
    expect(res.rows[0]).toEqual(['No.', 'Submitted (UTC)', 'Handle', 'Display name', 'E-mail', 'Pertanyaan 1']);
    expect(res.rows.slice(1).map((row) => row.slice(2))).toEqual([
      [a.handle, `'=HYPERLINK("http://x")`, `${a.handle}@example.test`, '4'],
      [b.handle, 'Anggota 1', `${b.handle}@example.test`, '2'],
    ]);
    const audit = await db.auditEntry.findMany({ where: { communityId: setting.communityId, action: 'survey.export_identified' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: setting.owner.id, targetType: 'survey', targetId: survey.id });

    // A plain export is not audited and names nobody.
    const plain = await download(setting.owner.token, survey.id, { query: '?identify=false' });
    expect(plain.rows[0]).toHaveLength(3);
    expect(await db.auditEntry.count({ where: { communityId: setting.communityId, action: 'survey.export_identified' } })).toBe(1);
  });

  it('refuses to identify respondents of an anonymous survey, and its export holds no name, handle, e-mail or id', async () => {
    const setting = await communityWith(server, api, 6);
    const db = server.rukun.deps.db;
    const survey = await surveyOf(server, setting, { anonymous: true });
    const [single, multi, , nps, text] = survey.q as [string, string, string, string, string];
    await insertResponses(
      db,
      survey,
      setting.members.map((member, i) => ({ userId: member.id, answers: { [single]: i % 3, [multi]: [0, 1], [nps]: i, [text]: `catatan ${i}` } })),
    );
    const refused = await api.request('GET', `/api/surveys/${survey.id}/results.csv?identify=true`, { token: setting.owner.token, headers: { 'accept-language': 'id' } });
    const body = expectError(refused, 422, 'validation_failed');
    expect(body.error.details).toEqual([{ path: 'query.identify', message: 'Survei ini anonim: ekspornya tidak pernah menyebut nama responden.', reason: 'anonymous_survey' }]);
    expect(await db.auditEntry.count({ where: { communityId: setting.communityId, action: 'survey.export_identified' } })).toBe(0);

    const res = await download(setting.owner.token, survey.id);
    expect(res.status).toBe(200);
    expect(res.rows).toHaveLength(7);
    expect(res.rows[0]).toHaveLength(7);
    expect(res.rows.slice(1).map((row) => row[3])).toEqual(Array.from({ length: 6 }, () => 'Moderasi; Acara'));
    // Anonymous responses carry only their day.
    expect(res.rows.slice(1).every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row[1] ?? ''))).toBe(true);
    const written = res.bytes.toString('utf8');
    const users = await db.user.findMany({ where: { id: { in: setting.members.map((m) => m.id) } } });
    for (const user of users) {
      for (const value of [user.id, user.handle, user.email, user.displayName]) expect(written).not.toContain(value);
    }
  });

  it('pages through more responses than one export page holds, numbering each once', async () => {
    const setting = await communityWith(server, api, 0);
    const survey = await surveyOf(server, setting, { questions: [{ kind: 'nps' }] });
    const [nps] = survey.q as [string];
    const start = Date.now() - 10_000_000;
    // 2,345 responses; a run of them shares one instant, so the keyset's id tie-break is exercised across pages.
    await insertResponses(
      server.rukun.deps.db,
      survey,
      Array.from({ length: 2345 }, (_, i) => ({ answers: { [nps]: i % 11 }, submittedAt: new Date(start + (i >= 900 && i < 1200 ? 900 : i) * 1000) })),
    );
    const res = await download(setting.owner.token, survey.id);
    expect(res.rows).toHaveLength(2346);
    const numbers = res.rows.slice(1).map((row) => Number(row[0]));
    expect(numbers).toEqual(Array.from({ length: 2345 }, (_, i) => i + 1));
    const scores = res.rows.slice(1).map((row) => Number(row[2]));
    expect(scores.reduce((a, b) => a + b, 0)).toBe(Array.from({ length: 2345 }, (_, i) => i % 11).reduce((a, b) => a + b, 0));
  });
});
