// Survey responses benchmark: `npx tsx bench/surveyResponses.ts [-- --clients=1000 --connections=256 --app-root=...]`
// (run by `npm run bench:surveys`). Starts its own Redis, database and Rukun (a child process, as production runs),
// then measures in one run:
//   (a) GET /healthz requests/s with 128 requests in flight (the HTTP stack's ceiling on this machine, right now)
//   (b) a named survey: --clients members POST /surveys/:id/responses at once (five questions, one of each kind);
//       responses/s over the whole burst, latency p50/p99, accepted/refused counts, app CPU per response
//   (c) the same on an anonymous survey (the pseudonym costs two HMACs per response)
//   (d) duplicates: --clients/2 members each answer twice at once: exactly half accepted, half 409 already_responded
// and the rows against the counter. Figures are printed, never asserted. See bench/README.md (Surveys).
import { parseArgs } from 'node:util';
import { createDatabase } from '../server/db/client';
import { insertMembers } from '../test/helpers/bulkMembers';
import { insertSurvey } from '../test/helpers/surveyRows';
import { startApp, type RunningApp } from './helpers/appProcess';
import { cpuMeter, load1 } from './helpers/cpu';
import { createHttp, expectStatus, registerUser, type Http } from './helpers/client';
import { closedLoop, fmt, summarize, type LatencySummary } from './helpers/load';
import { startBenchServices, type BenchServices } from './helpers/services';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    'healthz-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '256' },
    // Run the app from another checkout (e.g. the Prisma-only answer path at an earlier commit) to compare in one sitting.
    'app-root': { type: 'string' },
  },
});
const clients = Number(args.clients);

interface Member {
  id: string;
  token: string;
}

interface Setup {
  slug: string;
  ownerId: string;
  db: ReturnType<typeof createDatabase>;
}

async function setUp(http: Http, databaseUrl: string): Promise<Setup> {
  const owner = await registerUser(http, `owner${Date.now()}`);
  const slug = `bench-surveys-${Date.now()}`;
  expectStatus('community', await http.json('POST', '/api/communities', { token: owner.token, body: { slug, name: 'Bench Survei' } }), 201);
  return { slug, ownerId: owner.id, db: createDatabase({ url: databaseUrl }) };
}

/** An open survey of the five question kinds and `count` new members, written straight to the database. */
async function surveyWithMembers(setup: Setup, input: { count: number; anonymous: boolean }) {
  const db = setup.db.prisma;
  const members = await insertMembers(db, { communitySlug: setup.slug, count: input.count });
  const survey = await insertSurvey(db, { communitySlug: setup.slug, createdById: setup.ownerId, anonymous: input.anonymous });
  const q = survey.questions;
  const answersOf = (i: number) => [
    { questionId: q[0]?.id, value: i % 3 },
    { questionId: q[1]?.id, value: [0, 2].slice(0, (i % 2) + 1) },
    { questionId: q[2]?.id, value: 1 + (i % 5) },
    { questionId: q[3]?.id, value: i % 11 },
    { questionId: q[4]?.id, value: i % 4 === 0 ? `Saran nomor ${i}: kopdar lebih sering` : null },
  ];
  return { surveyId: survey.id, members, answersOf };
}

interface Tally {
  latencies: number[];
  accepted: number;
  refused: number;
  other: Map<string, number>;
}

const newTally = (): Tally => ({ latencies: [], accepted: 0, refused: 0, other: new Map() });

async function answer(http: Http, input: { surveyId: string; member: Member; answers: unknown[]; tally: Tally }): Promise<void> {
  const started = performance.now();
  const res = await http.json<{ error?: { code: string } }>('POST', `/api/surveys/${input.surveyId}/responses`, { token: input.member.token, body: { answers: input.answers } });
  input.tally.latencies.push(performance.now() - started);
  if (res.status === 201) input.tally.accepted += 1;
  else if (res.status === 409 && res.body.error?.code === 'already_responded') input.tally.refused += 1;
  else {
    const key = `${res.status} ${res.body.error?.code ?? ''}`;
    input.tally.other.set(key, (input.tally.other.get(key) ?? 0) + 1);
  }
}

async function measureHealthz(http: Http): Promise<number> {
  const hit = async () => {
    const res = await http.pool.request({ method: 'GET', path: '/healthz' });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
  };
  await closedLoop({ concurrency: 128, durationMs: 500, task: hit });
  const { completed, elapsedMs } = await closedLoop({ concurrency: 128, durationMs: Number(args['healthz-seconds']) * 1000, task: hit });
  return completed / (elapsedMs / 1000);
}

/** Response rows, answer rows and the counter of one survey, and whether they agree. */
async function audit(setup: Setup, surveyId: string) {
  const db = setup.db.prisma;
  const [survey, responses, withUser] = await Promise.all([
    db.survey.findUniqueOrThrow({ where: { id: surveyId }, select: { responseCount: true } }),
    db.surveyResponse.count({ where: { surveyId } }),
    db.surveyResponse.count({ where: { surveyId, userId: { not: null } } }),
  ]);
  return { responses, withUser, consistent: survey.responseCount === responses };
}

function latencyLine(l: LatencySummary): string {
  return `p50 ${fmt(l.p50, 1)} ms, p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms`;
}

/** `calls` at once; returns the tally, responses/s over the burst and app CPU ms per call. */
async function burst(app: RunningApp, calls: (() => Promise<void>)[], tally: Tally) {
  const cpu = cpuMeter(app.pids);
  const started = performance.now();
  await Promise.all(calls.map((call) => call()));
  const seconds = (performance.now() - started) / 1000;
  return { tally, rate: calls.length / seconds, seconds, cpuPerCall: cpu.stop() / calls.length };
}

async function measure(http: Http, app: RunningApp, setup: Setup): Promise<void> {
  // Warm-up: JIT, statement caches and the connection pool, on a survey of its own.
  const warm = await surveyWithMembers(setup, { count: 200, anonymous: false });
  const warmTally = newTally();
  await Promise.all(warm.members.map((member, i) => answer(http, { surveyId: warm.surveyId, member, answers: warm.answersOf(i), tally: warmTally })));

  const healthz = await measureHealthz(http);

  const named = await surveyWithMembers(setup, { count: clients, anonymous: false });
  const namedTally = newTally();
  const namedRun = await burst(app, named.members.map((member, i) => () => answer(http, { surveyId: named.surveyId, member, answers: named.answersOf(i), tally: namedTally })), namedTally);
  const anon = await surveyWithMembers(setup, { count: clients, anonymous: true });
  const anonTally = newTally();
  const anonRun = await burst(app, anon.members.map((member, i) => () => answer(http, { surveyId: anon.surveyId, member, answers: anon.answersOf(i), tally: anonTally })), anonTally);
  const dup = await surveyWithMembers(setup, { count: Math.floor(clients / 2), anonymous: true });
  const dupTally = newTally();
  const dupCalls = dup.members.flatMap((member, i) => [0, 1].map(() => () => answer(http, { surveyId: dup.surveyId, member, answers: dup.answersOf(i), tally: dupTally })));
  const dupRun = await burst(app, dupCalls, dupTally);

  const [namedAudit, anonAudit, dupAudit] = await Promise.all([audit(setup, named.surveyId), audit(setup, anon.surveyId), audit(setup, dup.surveyId)]);
  const line = (label: string, value: string) => console.log(`${label.padEnd(62)} ${value}`);
  const others = (t: Tally) => (t.other.size ? ` (other: ${[...t.other].map(([k, v]) => `${v}x ${k}`).join(', ')})` : '');
  const report = (label: string, run: Awaited<ReturnType<typeof burst>>, rows: Awaited<ReturnType<typeof audit>>) => {
    line(label, `${fmt(run.rate)} responses/s (${fmt(run.seconds, 2)} s)`);
    line('    latency', latencyLine(summarize(run.tally.latencies)));
    line('    accepted 201 / refused 409 already_responded', `${run.tally.accepted} / ${run.tally.refused}${others(run.tally)}`);
    line('    app CPU per request', `${fmt(run.cpuPerCall, 2)} ms`);
    line('    ratio responses/s : healthz req/s', `1 : ${fmt(healthz / run.rate, 1)}`);
    line('    rows / rows with a user id / counter equals rows', `${rows.responses} / ${rows.withUser} / ${rows.consistent ? 'yes' : 'NO'}`);
  };
  console.log('');
  line('(a) GET /healthz (128 in flight)', `${fmt(healthz)} req/s`);
  report(`(b) named survey: ${clients} members answer at once`, namedRun, namedAudit);
  report(`(c) anonymous survey: ${clients} members answer at once`, anonRun, anonAudit);
  report(`(d) anonymous, ${dup.members.length} members each answer twice at once`, dupRun, dupAudit);
  line('load average (1 min) after the run', fmt(load1(), 2));
  console.log(`\ntarget: >= 500 responses/s under ${clients} concurrent clients: named ${namedRun.rate >= 500 ? 'meets' : 'misses'}, anonymous ${anonRun.rate >= 500 ? 'meets' : 'misses'}`);
}

async function main(): Promise<void> {
  let services: BenchServices | undefined;
  let app: RunningApp | undefined;
  let http: Http | undefined;
  let setup: Setup | undefined;
  try {
    services = await startBenchServices();
    app = await startApp({ databaseUrl: services.databaseUrl, redisUrl: services.redis.url, layout: 'all', ...(args['app-root'] ? { appRoot: args['app-root'] } : {}) });
    http = createHttp(app.baseUrl, Number(args.connections));
    console.log(`# Rukun survey responses benchmark (${clients} clients, ${args.connections} connections, node ${process.version}${args['app-root'] ? `, app from ${args['app-root']}` : ''})`);
    setup = await setUp(http, services.databaseUrl);
    await measure(http, app, setup);
  } finally {
    await http?.close();
    await setup?.db.close();
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
