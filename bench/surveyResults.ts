// Survey results benchmark: `npm run bench:surveys` (second half) or `tsx bench/surveyResults.ts [-- --responses=100000
// --members=120000 --calls=30]`. Starts its own Redis, database and Rukun (a child process, as production runs),
// writes an anonymous survey of 10 questions (two of each kind: single, multi, rating, nps, text) and its responses
// straight to the file with prepared statements in one transaction, then measures in the same run:
//   (a) baselines: GET /healthz, GET /api/communities/:slug and GET /api/surveys/:id (signed in), sequential latency
//   (b) GET /api/surveys/:id/results, sequential, p50/p95 over --calls calls, and the ratio to the baselines
//   (c) the next page of a text question's answers (GET .../texts?cursor=)
//   (d) GET /api/surveys/:id/results.csv of every response: seconds, bytes, rows, and the app's peak RSS while it ran
// Figures are printed, never asserted. See bench/README.md (Surveys: results).
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDatabase } from '../server/db/client';
import { sqlDate } from '../server/db/sqlLane';
import { insertSurvey, type QuestionRowInput } from '../test/helpers/surveyRows';
import { startApp, type RunningApp } from './helpers/appProcess';
import { cpuMeter, load1 } from './helpers/cpu';
import { createHttp, expectStatus, registerUser, type Http } from './helpers/client';
import { fmt, percentile } from './helpers/load';
import { startBenchServices, type BenchServices } from './helpers/services';

const { values: args } = parseArgs({
  options: {
    responses: { type: 'string', default: '100000' },
    members: { type: 'string', default: '120000' },
    calls: { type: 'string', default: '30' },
  },
});
const responseCount = Number(args.responses);
const memberCount = Number(args.members);
const calls = Number(args.calls);
const DAY = 86_400_000;

const QUESTIONS: QuestionRowInput[] = [
  { kind: 'single', prompt: 'Kota asal', options: ['Jakarta', 'Bandung', 'Surabaya', 'Medan', 'Makassar'] },
  { kind: 'single', prompt: 'Sudah berapa lama bergabung?', options: ['< 1 bulan', '1-6 bulan', '6-12 bulan', '> 1 tahun'] },
  { kind: 'multi', prompt: 'Topik yang diminati', options: ['Kopi', 'Fotografi', 'Musik', 'Kuliner', 'Olahraga', 'Buku'] },
  { kind: 'multi', prompt: 'Hari yang cocok untuk kopdar', options: ['Senin', 'Rabu', 'Jumat', 'Sabtu', 'Minggu'] },
  { kind: 'rating', prompt: 'Seberapa puas dengan moderasi?', min: 1, max: 5 },
  { kind: 'rating', prompt: 'Nilai acara terakhir', min: 1, max: 10 },
  { kind: 'nps', prompt: 'Rekomendasikan komunitas ini?' },
  { kind: 'nps', prompt: 'Rekomendasikan kopdar ke teman?' },
  { kind: 'text', prompt: 'Saran untuk pengelola' },
  { kind: 'text', prompt: 'Cerita kopdar favorit' },
];

/** A small deterministic generator, so every run writes the same answers. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Seeded {
  slug: string;
  surveyId: string;
  textQuestionId: string;
  answerRows: number;
  seconds: number;
}

/**
 * Ids in insertion order, as Prisma's uuid(7) defaults are: B-tree inserts then append instead of landing at random
 * pages, which makes seeding a million answer rows several times faster.
 */
function sequentialIds(): () => string {
  const prefix = randomBytes(4).toString('hex');
  let n = 0;
  return () => `${prefix}-${(n++).toString(16).padStart(12, '0')}`;
}

/** Members (users and memberships) and the survey's responses, written with prepared statements in one transaction. */
async function seed(http: Http, services: BenchServices, owner: { id: string; token: string }): Promise<Seeded> {
  const slug = `bench-surveys-${Date.now()}`;
  expectStatus('community', await http.json('POST', '/api/communities', { token: owner.token, body: { slug, name: 'Bench Survei' } }), 201);
  const database = createDatabase({ url: services.databaseUrl });
  const survey = await insertSurvey(database.prisma, { communitySlug: slug, createdById: owner.id, anonymous: true, questions: QUESTIONS, title: 'Survei tahunan' });
  const community = await database.prisma.community.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await database.close();

  const started = performance.now();
  const raw = new Database(services.databasePath, { timeout: 10_000 });
  const random = rng(11);
  const pick = (n: number) => Math.floor(random() * n);
  const insertUser = raw.prepare('INSERT INTO "User" (id, handle, email, displayName, passwordHash, locale, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertMembership = raw.prepare('INSERT INTO "Membership" (id, communityId, userId, role, status, joinedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const insertResponse = raw.prepare('INSERT INTO "SurveyResponse" (id, surveyId, userId, respondentKey, submittedAt) VALUES (?, ?, NULL, ?, ?)');
  const insertAnswer = raw.prepare('INSERT INTO "SurveyAnswer" (id, responseId, surveyId, questionId, optionIndex, numberValue, textValue) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = Date.now();
  const nextId = sequentialIds();
  let answerRows = 0;
  raw.transaction(() => {
    const at = sqlDate(new Date(now));
    for (let i = 0; i < memberCount; i++) {
      const id = nextId();
      insertUser.run(id, `bs${i}`, `bs${i}@bench.test`, `Anggota ${i}`, 'x', 'id', at);
      // One member in fifty has been banned: the audience counts active members only.
      insertMembership.run(nextId(), community.id, id, 'member', i % 50 === 49 ? 'banned' : 'active', at);
    }
    const questions = survey.questions;
    for (let r = 0; r < responseCount; r++) {
      const responseId = nextId();
      // Anonymous responses carry the start of their UTC day: 30 days of them.
      const day = new Date(Math.floor((now - pick(30) * DAY) / DAY) * DAY);
      insertResponse.run(responseId, survey.id, randomBytes(16).toString('base64url'), sqlDate(day));
      for (const question of questions) {
        const answer = (optionIndex: number | null, numberValue: number | null, textValue: string | null) => {
          insertAnswer.run(nextId(), responseId, survey.id, question.id, optionIndex, numberValue, textValue);
          answerRows++;
        };
        const options = (JSON.parse(question.options) as string[]).length;
        if (question.kind === 'single') answer(pick(options), null, null);
        else if (question.kind === 'multi') {
          for (let o = 0; o < options; o++) if (random() < 0.35) answer(o, null, null);
        } else if (question.kind === 'rating') answer((question.min ?? 1) + pick((question.max ?? 5) - (question.min ?? 1) + 1), null, null);
        else if (question.kind === 'nps') answer(null, Math.min(10, pick(8) + pick(4)), null);
        else if (random() < 0.4) answer(null, null, `Jawaban ${r}: kopdar lebih sering dan tempat yang lebih luas, ya.`);
      }
    }
    raw.prepare('UPDATE "Survey" SET responseCount = ?, memberResponseCount = ? WHERE id = ?').run(responseCount, responseCount, survey.id);
  })();
  raw.close();
  const textQuestionId = survey.questions.find((q) => q.kind === 'text')?.id ?? '';
  return { slug, surveyId: survey.id, textQuestionId, answerRows, seconds: (performance.now() - started) / 1000 };
}

interface Timed {
  p50: number;
  p95: number;
  max: number;
  /** The app process's CPU milliseconds per call: steadier than wall-clock latency on a shared machine. */
  cpuMs: number;
}

/** Sequential latencies of `count` GETs (after 3 unmeasured ones) and the app's CPU per call, asserting 200. */
async function timeGets(http: Http, app: RunningApp, request: { path: string; token: string | null; count: number }): Promise<Timed> {
  const { path, token, count } = request;
  const one = async () => {
    const started = performance.now();
    const res = await http.pool.request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await res.body.text();
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 300)}`);
    return { ms, body };
  };
  for (let i = 0; i < 3; i++) await one();
  const latencies: number[] = [];
  const cpu = cpuMeter(app.pids);
  for (let i = 0; i < count; i++) latencies.push((await one()).ms);
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN, cpuMs: cpu.stop() / count };
}

/** Peak resident memory of a process in MB since the last reset (VmHWM), and a way to reset it (Linux). */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then covers the whole process life
  }
}

/** Downloads the CSV export, counting bytes and lines as they stream. */
async function timeCsv(http: Http, path: string, token: string): Promise<{ seconds: number; bytes: number; lines: number }> {
  const started = performance.now();
  const res = await http.pool.request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${await res.body.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    for (let i = 0; i < buffer.length; i++) if (buffer[i] === 10) lines++;
  }
  return { seconds: (performance.now() - started) / 1000, bytes, lines };
}

async function measure(app: RunningApp, services: BenchServices): Promise<void> {
  const setupHttp = createHttp(app.baseUrl, 1);
  const owner = await registerUser(setupHttp, `owner${Date.now()}`);
  const seeded = await seed(setupHttp, services, owner);
  await setupHttp.close();
  // A fresh pool: the seeding takes longer than the server keeps an idle connection open.
  const http = createHttp(app.baseUrl, 4);
  try {
    await measureSeeded(http, app, { ...seeded, owner });
  } finally {
    await http.close();
  }
}

async function measureSeeded(http: Http, app: RunningApp, seeded: Seeded & { owner: { token: string } }): Promise<void> {
  const owner = seeded.owner;
  console.log(`seeded ${fmt(memberCount)} members, ${fmt(responseCount)} responses, ${fmt(seeded.answerRows)} answer rows in ${fmt(seeded.seconds, 1)} s`);

  const line = (label: string, value: string) => console.log(`${label.padEnd(60)} ${value}`);
  const healthz = await timeGets(http, app, { path: '/healthz', token: null, count: calls });
  const community = await timeGets(http, app, { path: `/api/communities/${seeded.slug}`, token: owner.token, count: calls });
  const survey = await timeGets(http, app, { path: `/api/surveys/${seeded.surveyId}`, token: owner.token, count: calls });
  const resultsPath = `/api/surveys/${seeded.surveyId}/results`;
  const results = await timeGets(http, app, { path: resultsPath, token: owner.token, count: calls });
  const first = await http.json<{ results: { questions: { kind: string; texts?: { nextCursor: string | null } }[]; responseCount: number; audienceSize: number; responseRate: number } }>('GET', resultsPath, { token: owner.token });
  const cursor = first.body.results.questions.find((q) => q.kind === 'text')?.texts?.nextCursor ?? '';
  const texts = await timeGets(http, app, { path: `/api/surveys/${seeded.surveyId}/results/questions/${seeded.textQuestionId}/texts?limit=20&cursor=${cursor}`, token: owner.token, count: calls });

  const pid = app.pids[0] ?? 0;
  const rssBefore = peakRssMb(pid);
  resetPeakRss(pid);
  const csvCpu = cpuMeter(app.pids);
  const csv = await timeCsv(http, `/api/surveys/${seeded.surveyId}/results.csv`, owner.token);
  const csvCpuSeconds = csvCpu.stop() / 1000;
  const rssPeak = peakRssMb(pid);

  const ms = (s: Timed) => `p50 ${fmt(s.p50, 1)} ms, p95 ${fmt(s.p95, 1)} ms, max ${fmt(s.max, 1)} ms, CPU ${fmt(s.cpuMs, 1)} ms/call`;
  console.log('');
  line(`(a) GET /healthz (${calls} sequential)`, ms(healthz));
  line(`    GET /api/communities/:slug (${calls} sequential)`, ms(community));
  line(`    GET /api/surveys/:id (${calls} sequential)`, ms(survey));
  line(`(b) GET /api/surveys/:id/results (${calls} sequential)`, ms(results));
  line('    ratio to healthz / to the community read (p50)', `${fmt(results.p50 / healthz.p50, 1)}x / ${fmt(results.p50 / community.p50, 1)}x`);
  line('    ratio to the community read / to the survey read (CPU per call)', `${fmt(results.cpuMs / community.cpuMs, 1)}x / ${fmt(results.cpuMs / survey.cpuMs, 1)}x`);
  line('    responseCount / audienceSize / responseRate', `${first.body.results.responseCount} / ${first.body.results.audienceSize} / ${first.body.results.responseRate}`);
  line(`(c) GET .../texts?cursor= (next 20 text answers)`, ms(texts));
  line(`(d) GET /api/surveys/:id/results.csv (${fmt(csv.lines - 1)} rows, ${fmt(csv.bytes / 1024 / 1024, 1)} MB)`, `${fmt(csv.seconds, 2)} s (CPU ${fmt(csvCpuSeconds, 2)} s), ${fmt((csv.lines - 1) / csv.seconds)} rows/s`);
  line('    app peak RSS before / during the export', `${fmt(rssBefore)} MB / ${fmt(rssPeak)} MB`);
  line('load average (1 min) after the run', fmt(load1(), 2));
  console.log(`\ntarget: results p50 < 200 ms for ${fmt(responseCount)} responses and 10 questions: ${results.p50 < 200 ? 'meets' : 'misses'} (${fmt(results.p50, 1)} ms)`);
}

async function main(): Promise<void> {
  let services: BenchServices | undefined;
  let app: RunningApp | undefined;
  try {
    services = await startBenchServices();
    app = await startApp({ databaseUrl: services.databaseUrl, redisUrl: services.redis.url, layout: 'all' });
    console.log(`# Rukun survey results benchmark (${fmt(responseCount)} responses, 10 questions, ${fmt(memberCount)} members, node ${process.version})`);
    await measure(app, services);
  } finally {
    await app?.stop();
    await services?.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
