// Pipeline benchmark: `npm run bench:pipeline [-- --duration=10 --posters=64 --layout=all|split --profile]`.
// Starts its own Redis, database and Rukun (as child processes, the way production runs), then measures in one run:
//   (a) GET /healthz requests/s with many keep-alive requests in flight (the HTTP stack's ceiling)
//   (b) a BullMQ no-op drain: N jobs, one worker at concurrency 10 (the queue's ceiling)
//   (c) posts/s from HTTP POST to `post:published` heard on a member's socket, many posters for --duration seconds
//   (d) latency p50/p99 from submit to `post:published`, and in a pre-moderation community to the moderator's
//       `queue:item_opened`, at half the rate (c) sustained
//   (e) the same at 500 posts/s, half the issue's 1,000 posts/s target
// and prints the figures and their ratios. See bench/README.md (Pipeline) for results and profile findings.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from './helpers/appProcess';
import { cpuMeter, load1, redisPid } from './helpers/cpu';
import { createHttp, expectStatus, listen, registerUser, type BenchUser, type Http, type Listener } from './helpers/client';
import { closedLoop, fmt, openLoop, summarize, type LatencySummary } from './helpers/load';
import { inclusiveTimes, printProfile, summarizeProfile } from './helpers/profile';
import { startBenchServices, type BenchServices } from './helpers/services';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    posters: { type: 'string', default: '64' },
    layout: { type: 'string', default: 'all' },
    'healthz-seconds': { type: 'string', default: '5' },
    'noop-jobs': { type: 'string', default: '20000' },
    profile: { type: 'boolean', default: false },
    'sql-trace': { type: 'boolean', default: false },
    'app-root': { type: 'string' },
    // Also measure latency at this fixed rate (posts/s), after the half-load phases: how latency grows with load.
    'extra-rate': { type: 'string' },
    // Write every latency phase's posts (submit time, latency and stages) as CSV files into this folder.
    'latency-log': { type: 'string' },
    // Only the fixed-rate phases (auto and pre-moderation) at this rate, after a short warm-up: to profile them alone.
    'only-rate': { type: 'string' },
  },
});
const durationMs = Number(args.duration) * 1000;
const posters = Number(args.posters);
const layout = args.layout === 'split' ? 'split' : 'all';

const PHRASES = [
  'jalan di depan balai warga sudah diperbaiki',
  'kerja bakti hari Minggu mulai jam tujuh pagi',
  'the library opens late on Thursday this week',
  'lomba tujuh belasan butuh panitia tambahan',
  'posyandu bulan ini pindah ke rumah Bu RT',
  'who has a spare ladder for the community hall',
  'jadwal ronda malam diperbarui, cek grup',
  'pasar kaget pindah ke lapangan utara',
];
const TAGS = ['warga', 'kegiatan', 'info', 'kopdar', 'rt05'];

/** A clean, distinct post body whose sequence number can be read back from the event payload. */
const bodyOf = (seq: number) => `Kabar warga ${seq}: ${PHRASES[seq % PHRASES.length]} (${(seq * 7919) % 10007}) #${TAGS[seq % TAGS.length]}`;
const seqOf = (body: string | undefined): number | null => {
  const m = body ? /^Kabar warga (\d+):/.exec(body) : null;
  return m ? Number(m[1]) : null;
};

interface Setup {
  owner: BenchUser;
  authors: BenchUser[];
  autoSlug: string;
  preSlug: string;
  memberListener: Listener;
  moderatorListener: Listener;
}

async function setUp(http: Http, baseUrl: string): Promise<Setup> {
  const run = Date.now().toString(36);
  const owner = await registerUser(http, `owner_${run}`);
  const watcher = await registerUser(http, `watcher_${run}`);
  const autoSlug = `auto-${run}`;
  const preSlug = `pre-${run}`;
  expectStatus('create auto community', await http.json('POST', '/api/communities', { token: owner.token, body: { slug: autoSlug, name: 'Bench auto' } }), 201);
  expectStatus('create pre community', await http.json('POST', '/api/communities', { token: owner.token, body: { slug: preSlug, name: 'Bench pre' } }), 201);
  expectStatus('pre-moderation on', await http.json('PATCH', `/api/communities/${preSlug}/settings`, { token: owner.token, body: { moderationMode: 'pre' } }), 200);
  const authors: BenchUser[] = [];
  // scrypt makes registration deliberately slow: a few at a time, before any measurement.
  for (let i = 0; i < posters; i += 8) {
    const batch = await Promise.all(Array.from({ length: Math.min(8, posters - i) }, (_, j) => registerUser(http, `poster_${run}_${i + j}`)));
    authors.push(...batch);
  }
  for (const user of [...authors, watcher]) {
    for (const slug of [autoSlug, preSlug]) expectStatus('join', await http.json('POST', `/api/communities/${slug}/join`, { token: user.token }), 201);
  }
  const memberListener = await listen(baseUrl, watcher.token, autoSlug);
  const moderatorListener = await listen(baseUrl, owner.token, preSlug);
  return { owner, authors, autoSlug, preSlug, memberListener, moderatorListener };
}

/** (a) keep-alive GET /healthz with 128 requests in flight on 64 connections. */
async function measureHealthz(http: Http, seconds: number): Promise<number> {
  const hit = async () => {
    const res = await http.pool.request({ method: 'GET', path: '/healthz' });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
  };
  await closedLoop({ concurrency: 128, durationMs: 1000, task: hit });
  const { completed, elapsedMs } = await closedLoop({ concurrency: 128, durationMs: seconds * 1000, task: hit });
  return completed / (elapsedMs / 1000);
}

/** (b) add N no-op jobs, then time one worker at concurrency 10 draining them. */
async function measureNoopDrain(redisUrl: string, jobs: number): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix: 'benchnoop' });
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
  }
  let done = 0;
  let finish: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker('noop', async () => undefined, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: 'benchnoop', concurrency: 10, autorun: false });
  worker.on('completed', () => {
    done += 1;
    if (done === jobs) finish();
  });
  const started = performance.now();
  void worker.run();
  await drained;
  const rate = jobs / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return rate;
}

/** Tracks submit and arrival times per sequence number for one listener and event. */
class Arrivals {
  readonly submitted = new Map<number, number>();
  readonly arrived = new Map<number, number>();
  /** Wall-clock stages per post (ms since the epoch; the app runs on this machine's clock): see `stages`. */
  readonly wall = new Map<number, { submitted: number; created?: number; decided?: number; heard?: number }>();
  private waiters: (() => void)[] = [];
  constructor(listener: Listener, event: 'post:published' | 'queue:item_opened') {
    listener.on(event, (payload, at) => {
      const seq = seqOf(payload.post?.body);
      if (seq === null || this.arrived.has(seq)) return;
      this.arrived.set(seq, at);
      const wall = this.wall.get(seq);
      if (wall && payload.post) {
        wall.heard = Date.now();
        wall.created = Date.parse(payload.post.createdAt);
        const decided = event === 'post:published' ? payload.post.publishedAt : payload.item?.openedAt;
        if (decided) wall.decided = Date.parse(decided);
      }
      for (const wake of this.waiters) wake();
    });
  }
  /**
   * Where each post's latency went, from wall-clock stamps: submit -> row written (HTTP, authentication, insert),
   * written -> checked (queueing, the job and its transaction), checked -> heard (announcement through Socket.IO).
   */
  stages(accepted: Set<number>): { created: LatencySummary; checked: LatencySummary; heard: LatencySummary } {
    const rows = [...accepted].map((s) => this.wall.get(s)).filter((w) => w?.created !== undefined && w.decided !== undefined && w.heard !== undefined) as Required<NonNullable<ReturnType<typeof this.wall.get>>>[];
    return {
      created: summarize(rows.map((w) => w.created - w.submitted)),
      checked: summarize(rows.map((w) => w.decided - w.created)),
      heard: summarize(rows.map((w) => w.heard - w.decided)),
    };
  }
  /** Waits until every accepted post has arrived; returns the time of the last arrival. */
  async drain(accepted: Set<number>, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while ([...accepted].some((s) => !this.arrived.has(s))) {
      if (performance.now() > deadline) {
        const missing = [...accepted].filter((s) => !this.arrived.has(s)).length;
        throw new Error(`${missing} of ${accepted.size} posts never arrived within ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
      this.waiters = [];
    }
    return Math.max(...[...accepted].map((s) => this.arrived.get(s) ?? 0));
  }
  latencies(accepted: Set<number>): number[] {
    return [...accepted].map((s) => (this.arrived.get(s) ?? Number.NaN) - (this.submitted.get(s) ?? Number.NaN));
  }
}

let nextSeq = 0;
/** One post by `author`: records its submit time and, on 201, that it was accepted. */
async function submit(http: Http, arrivals: Arrivals, accepted: Set<number>, author: BenchUser, slug: string, responseMs?: number[]): Promise<void> {
  const seq = nextSeq++;
  const t0 = performance.now();
  arrivals.submitted.set(seq, t0);
  arrivals.wall.set(seq, { submitted: Date.now() });
  const res = await http.pool.request({
    method: 'POST',
    path: `/api/communities/${slug}/posts`,
    headers: { authorization: `Bearer ${author.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: bodyOf(seq) }),
  });
  await res.body.dump();
  if (res.statusCode !== 201) throw new Error(`POST ${res.statusCode}`);
  responseMs?.push(performance.now() - t0);
  accepted.add(seq);
}

interface Pids {
  app: number[];
  redis: number | undefined;
}

interface MaxResult {
  /** CPU milliseconds per accepted post: the app's processes, and Redis. */
  appCpuMsPerPost: number;
  redisCpuMsPerPost: number;
  accepted: number;
  failed: number;
  acceptedPerSec: number;
  publishedInWindowPerSec: number;
  sustainedPerSec: number;
  drainMs: number;
  response: LatencySummary;
}

/** (c) every poster posts as fast as the server answers for `ms`; then waits until each post was announced. */
async function measureMax(http: Http, setup: Setup, arrivals: Arrivals, ms: number, pids: Pids): Promise<MaxResult> {
  const accepted = new Set<number>();
  const responseMs: number[] = [];
  const appCpu = cpuMeter(pids.app);
  const redisCpu = cpuMeter(pids.redis === undefined ? [] : [pids.redis]);
  const started = performance.now();
  const { failed, elapsedMs } = await closedLoop({
    concurrency: setup.authors.length,
    durationMs: ms,
    task: (w) => submit(http, arrivals, accepted, setup.authors[w] as BenchUser, setup.autoSlug, responseMs),
  });
  const windowEnd = started + elapsedMs;
  const inWindow = [...accepted].filter((s) => (arrivals.arrived.get(s) ?? Infinity) <= windowEnd).length;
  const last = await arrivals.drain(accepted, 120_000);
  return {
    appCpuMsPerPost: appCpu.stop() / accepted.size,
    redisCpuMsPerPost: pids.redis === undefined ? Number.NaN : redisCpu.stop() / accepted.size,
    accepted: accepted.size,
    failed,
    acceptedPerSec: accepted.size / (elapsedMs / 1000),
    publishedInWindowPerSec: inWindow / (elapsedMs / 1000),
    sustainedPerSec: accepted.size / ((last - started) / 1000),
    drainMs: Math.max(0, last - windowEnd),
    response: summarize(responseMs),
  };
}

interface EventLoopLag {
  p99: number;
  max: number;
  /** Cumulative garbage-collection pauses of the process (prom-client's gc histogram), for a difference over a phase. */
  gcMs: { minor: number; major: number; majorCount: number };
}

/**
 * The event-loop delay (ms) of the process serving `baseUrl` since the previous call: prom-client's default metrics
 * read a monitorEventLoopDelay histogram and reset it on every scrape. A request or job that arrives while the loop
 * is blocked waits at least that long, so this tells the app's own stalls apart from queueing elsewhere.
 */
const LAG_RESOLUTION_MS = 10;

async function eventLoopLag(baseUrl: string): Promise<EventLoopLag> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const gc = (kind: string, what: 'sum' | 'count') => Number(new RegExp(`^nodejs_gc_duration_seconds_${what}\\{kind="${kind}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  // The histogram records the whole interval of its 10 ms sampling timer (prom-client's default precision), so
  // an idle loop reads about 10 ms: what is left after subtracting it is time the loop was blocked.
  const read = (name: string) => Math.max(0, Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]) * 1000 - LAG_RESOLUTION_MS);
  return {
    p99: read('nodejs_eventloop_lag_p99_seconds'),
    max: read('nodejs_eventloop_lag_max_seconds'),
    gcMs: { minor: gc('minor', 'sum') * 1000, major: gc('major', 'sum') * 1000, majorCount: gc('major', 'count') },
  };
}

interface LatencyResult {
  latency: LatencySummary;
  stages: ReturnType<Arrivals['stages']>;
  /** Submit to the 201 answer. */
  response: LatencySummary;
  lag: EventLoopLag;
  /** The benchmark process's own event-loop delay (ms) over the phase. */
  generator: { p99: number; max: number };
  /** CPU milliseconds of the app's processes per post of the phase. */
  appCpuMsPerPost: number;
  /** The same for each app process (split: server, then worker). */
  processCpuMsPerPost: number[];
  /** CPU milliseconds of this load generator per post of the phase: it shares the machine's two cores. */
  generatorCpuMsPerPost: number;
  failed: number;
}

/** What every latency phase runs against. */
interface Phases {
  http: Http;
  baseUrl: string;
  setup: Setup;
  arrivals: { published: Arrivals; opened: Arrivals };
  pids: Pids;
}

/** (d) posts at a fixed rate spread over all authors; latency from submit to the event. */
async function measureLatency(p: Phases, arrivals: Arrivals, slug: string, rate: number, ms: number): Promise<LatencyResult> {
  const { http, baseUrl, setup } = p;
  const accepted = new Set<number>();
  const responseMs: number[] = [];
  const lagBefore = await eventLoopLag(baseUrl);
  const perProcess = p.pids.app.map((pid) => cpuMeter([pid]));
  const ownCpu = process.cpuUsage();
  // The load generator's own loop: a late timer here sends a burst and delays reading what arrived.
  const own = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  own.enable();
  const { failed } = await openLoop({
    ratePerSecond: rate,
    durationMs: ms,
    task: (i) => submit(http, arrivals, accepted, setup.authors[i % setup.authors.length] as BenchUser, slug, responseMs),
  });
  await arrivals.drain(accepted, 120_000);
  const processCpuMsPerPost = perProcess.map((m) => m.stop() / accepted.size);
  const appCpuMsPerPost = processCpuMsPerPost.reduce((sum, ms) => sum + ms, 0);
  const ownUsed = process.cpuUsage(ownCpu);
  const generatorCpuMsPerPost = (ownUsed.user + ownUsed.system) / 1000 / accepted.size;
  own.disable();
  const generator = { p99: Math.max(0, own.percentile(99) / 1e6 - LAG_RESOLUTION_MS), max: Math.max(0, own.max / 1e6 - LAG_RESOLUTION_MS) };
  const lagAfter = await eventLoopLag(baseUrl);
  const lag = {
    ...lagAfter,
    gcMs: { minor: lagAfter.gcMs.minor - lagBefore.gcMs.minor, major: lagAfter.gcMs.major - lagBefore.gcMs.major, majorCount: lagAfter.gcMs.majorCount - lagBefore.gcMs.majorCount },
  };
  if (args['latency-log']) writeLatencyLog(args['latency-log'], `${slug}-${rate}`, arrivals, accepted);
  return { latency: summarize(arrivals.latencies(accepted)), stages: arrivals.stages(accepted), response: summarize(responseMs), lag, generator, appCpuMsPerPost, processCpuMsPerPost, generatorCpuMsPerPost, failed };
}

let logged = 0;
/** `--latency-log=DIR`: one CSV per latency phase, a row per post, to see when in the phase the slow ones were. */
function writeLatencyLog(dir: string, name: string, arrivals: Arrivals, accepted: Set<number>): void {
  mkdirSync(dir, { recursive: true });
  const rows = ['seq,submitted_ms,latency_ms,created_ms,checked_ms,heard_ms'];
  for (const seq of [...accepted].sort((a, b) => a - b)) {
    const w = arrivals.wall.get(seq);
    const latency = (arrivals.arrived.get(seq) ?? Number.NaN) - (arrivals.submitted.get(seq) ?? Number.NaN);
    if (w) rows.push([seq, w.submitted, latency.toFixed(2), w.created ?? '', w.decided ?? '', w.heard ?? ''].join(','));
  }
  logged += 1;
  writeFileSync(join(dir, `${logged}-${name}.csv`), `${rows.join('\n')}\n`);
}

const TRACE_POSTS = 1000;

/** `--sql-trace`: a fixed workload (1,000 posts in the auto community, each waited for), to count statements per post. */
async function traceStatements(http: Http, setup: Setup, arrivals: Arrivals): Promise<void> {
  const accepted = new Set<number>();
  let left = TRACE_POSTS;
  await Promise.all(
    setup.authors.slice(0, 16).map(async (author) => {
      while (left > 0) {
        left -= 1;
        await submit(http, arrivals, accepted, author, setup.autoSlug);
      }
    }),
  );
  await arrivals.drain(accepted, 120_000);
}

/** Prints, per app process, the statements executed per post of the traced workload and their SQLite time. */
function printStatements(dir: string, posts: number): void {
  for (const file of readdirSync(dir)) {
    const rows = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sql: string; prepared: number; executed: number; us: number }[];
    const executed = rows.reduce((sum, r) => sum + r.executed, 0);
    const us = rows.reduce((sum, r) => sum + r.us, 0);
    console.log(`\n## SQL in the ${file.replace('.json', '')} process: ${fmt(executed / posts, 1)} statements and ${fmt(us / posts / 1000, 2)} ms inside SQLite per post (set-up included)`);
    console.log('  per post   us/post  statement');
    for (const r of rows.slice(0, 30)) console.log(`  ${fmt(r.executed / posts, 2).padStart(8)}  ${fmt(r.us / posts, 0).padStart(8)}  ${r.sql.replace(/\s+/g, ' ').replace(/`main`\./g, '').slice(0, 200)}`);
  }
}

/** Functions whose inclusive CPU time the profile summary reports. */
const PROFILE_STEPS = [
  'authenticate',
  'resolveSession',
  'loadActor',
  'findCommunityOr404',
  'createPost',
  'present',
  'applyPostCheck',
  'checkText',
  'loadRuleSet',
  'enqueueFlag',
  'announceOne',
  'loadPostViews',
  'loadPostAudienceViews',
  'presentPostRows',
  'loadQueueItem',
  'broadcast',
  'pinoHttp',
  'helmet',
];

function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}

interface Figures {
  healthz: number;
  noop: number;
  max: MaxResult;
  half: number;
  auto: LatencyResult;
  pre: LatencyResult;
  /** The same two phases at half the issue's 1,000 posts/s, when that differs from half the measured rate. */
  atTargetHalf?: { auto: LatencyResult; pre: LatencyResult };
}

/** Half of the issue's throughput target (1,000 posts/s): the other reading of "half that load". */
const TARGET_HALF_RATE = 500;


/** The two latency phases at `rate`, printed under `label`: to `post:published`, then to `queue:item_opened`. */
async function measureBothAt(p: Phases, rate: number, label: string): Promise<{ auto: LatencyResult; pre: LatencyResult }> {
  const auto = await measureLatency(p, p.arrivals.published, p.setup.autoSlug, rate, durationMs);
  line(`${label} submit -> post:published at ${rate} posts/s`, latencyText(auto.latency));
  printStages(auto);
  const pre = await measureLatency(p, p.arrivals.opened, p.setup.preSlug, rate, durationMs);
  line(`    submit -> queue:item_opened (pre-moderation) at ${rate}/s`, latencyText(pre.latency));
  printStages(pre);
  return { auto, pre };
}

/** `--only-rate=N`: a warm-up at that rate, then the two latency phases at it; nothing else. */
async function measureOnlyRate(p: Phases, rate: number): Promise<void> {
  await measureLatency(p, p.arrivals.published, p.setup.autoSlug, rate, 3000);
  await measureBothAt(p, rate, '(d)');
}

/** (a)-(d), printed as they come, then the ratios and the targets. */
async function measureAll(http: Http, baseUrl: string, setup: Setup, redisUrl: string, arrivals: { published: Arrivals; opened: Arrivals }, pids: Pids): Promise<void> {
  const loadBefore = load1();
  const healthz = await measureHealthz(http, Number(args['healthz-seconds']));
  line('(a) GET /healthz, 128 in flight', `${fmt(healthz)} req/s`);
  const noop = await measureNoopDrain(redisUrl, Number(args['noop-jobs']));
  line(`(b) BullMQ no-op drain, ${args['noop-jobs']} jobs, concurrency 10`, `${fmt(noop)} jobs/s`);

  // Warm-up (JIT, caches, SQLite pages), not counted.
  await measureMax(http, setup, arrivals.published, 3000, pids);
  const max = await measureMax(http, setup, arrivals.published, durationMs, pids);
  line(`(c) posts accepted (201), ${posters} posters`, `${fmt(max.acceptedPerSec)} posts/s (${fmt(max.accepted)} posts, ${max.failed} failed)`);
  line('    published and heard on a socket within the window', `${fmt(max.publishedInWindowPerSec)} posts/s`);
  line('    sustained, first submit to last post:published', `${fmt(max.sustainedPerSec)} posts/s (backlog drained ${fmt(max.drainMs)} ms after)`);
  line('    POST response time under max load', `p50 ${fmt(max.response.p50, 1)} ms, p99 ${fmt(max.response.p99, 1)} ms`);
  line('    CPU per post: app processes / Redis', `${fmt(max.appCpuMsPerPost, 2)} ms / ${fmt(max.redisCpuMsPerPost, 3)} ms (one core: ~${fmt(1000 / max.appCpuMsPerPost)} posts/s)`);

  const half = Math.max(1, Math.round(max.sustainedPerSec / 2));
  const phases: Phases = { http, baseUrl, setup, arrivals, pids };
  const { auto, pre } = await measureBothAt(phases, half, '(d)');
  const atTargetHalf = half === TARGET_HALF_RATE ? undefined : await measureBothAt(phases, TARGET_HALF_RATE, '(e) half the target:');
  let extra: { rate: number; auto: LatencyResult } | undefined;
  if (args['extra-rate']) {
    const rate = Number(args['extra-rate']);
    const result = await measureLatency(phases, arrivals.published, setup.autoSlug, rate, durationMs);
    line(`(f) submit -> post:published at ${rate} posts/s`, latencyText(result.latency));
    printStages(result);
    extra = { rate, auto: result };
  }
  const figures = { healthz, noop, max, half, auto, pre, ...(atTargetHalf ? { atTargetHalf } : {}), ...(extra ? { extra } : {}) };
  printSummary(figures);
  const loadAfter = load1();
  console.log(`\nmachine load (1-min average) before / after: ${fmt(loadBefore, 2)} / ${fmt(loadAfter, 2)} on ${cpus().length} cores`);
  console.log(`\nJSON ${JSON.stringify({ layout, posters, durationS: durationMs / 1000, loadBefore, loadAfter, ...figures })}`);
}

function latencyText(l: LatencySummary): string {
  return `p50 ${fmt(l.p50, 1)} ms, p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms (${l.count} posts)`;
}

function printStages(r: LatencyResult): void {
  line('      submit -> 201 answer', latencyText(r.response));
  line('      submit -> row written (wall clock, ms resolution)', latencyText(r.stages.created));
  line('      row written -> checked and committed', latencyText(r.stages.checked));
  line('      checked -> heard on the socket', latencyText(r.stages.heard));
  line('      event loop of the HTTP process blocked meanwhile', lagText(r.lag));
  line('      event loop of this load generator blocked meanwhile', `p99 ${fmt(r.generator.p99, 1)} ms, max ${fmt(r.generator.max, 1)} ms`);
  const split = r.processCpuMsPerPost.length > 1 ? ` (server ${r.processCpuMsPerPost.map((ms) => fmt(ms, 2)).join(' ms, worker ')} ms)` : '';
  line('      CPU per post in this phase: app processes / load generator', `${fmt(r.appCpuMsPerPost, 2)} ms${split} / ${fmt(r.generatorCpuMsPerPost, 2)} ms`);
}

function lagText(l: EventLoopLag): string {
  return `p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms; GC ${fmt(l.gcMs.minor)} ms minor, ${fmt(l.gcMs.major)} ms in ${l.gcMs.majorCount} major`;
}

function printSummary(f: Figures): void {
  console.log('\nratios');
  line('  sustained posts/s : healthz req/s', `1 : ${fmt(f.healthz / f.max.sustainedPerSec, 1)}`);
  line('  sustained posts/s : BullMQ no-op jobs/s', `1 : ${fmt(f.noop / f.max.sustainedPerSec, 1)}`);
  console.log('\ntargets (issue): >= 1,000 posts/s sustained; p99 < 50 ms at half load');
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  line('  sustained posts/s', `${fmt(f.max.sustainedPerSec)} ${verdict(f.max.sustainedPerSec >= 1000)}`);
  line(`  p99 submit -> post:published at half the measured rate (${f.half}/s)`, `${fmt(f.auto.latency.p99, 1)} ms ${verdict(f.auto.latency.p99 < 50)}`);
  line(`  p99 submit -> queue:item_opened at half the measured rate`, `${fmt(f.pre.latency.p99, 1)} ms ${verdict(f.pre.latency.p99 < 50)}`);
  if (f.atTargetHalf) {
    line(`  p99 submit -> post:published at half the target (${TARGET_HALF_RATE}/s)`, `${fmt(f.atTargetHalf.auto.latency.p99, 1)} ms ${verdict(f.atTargetHalf.auto.latency.p99 < 50)}`);
    line(`  p99 submit -> queue:item_opened at half the target`, `${fmt(f.atTargetHalf.pre.latency.p99, 1)} ms ${verdict(f.atTargetHalf.pre.latency.p99 < 50)}`);
  }
}

async function main(): Promise<void> {
  let services: BenchServices | undefined;
  let app: RunningApp | undefined;
  let http: Http | undefined;
  let setup: Setup | undefined;
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'rukun-prof-')) : undefined;
  const traceDir = args['sql-trace'] ? mkdtempSync(join(tmpdir(), 'rukun-sql-')) : undefined;
  try {
    const appRoot = args['app-root'];
    services = await startBenchServices(appRoot ? { migrationsDir: join(appRoot, 'prisma/migrations') } : {});
    app = await startApp({ databaseUrl: services.databaseUrl, redisUrl: services.redis.url, layout, ...(profileDir ? { cpuProfileDir: profileDir } : {}), ...(traceDir ? { sqlTraceDir: traceDir } : {}), ...(args['app-root'] ? { appRoot: args['app-root'] } : {}) });
    http = createHttp(app.baseUrl, 64);
    console.log(`# Rukun pipeline benchmark (layout ${layout}, ${posters} posters, ${args.duration} s, node ${process.version}${profileDir ? ', PROFILING' : ''}${args['app-root'] ? `, app from ${args['app-root']}` : ''})`);
    setup = await setUp(http, app.baseUrl);
    const published = new Arrivals(setup.memberListener, 'post:published');
    const opened = new Arrivals(setup.moderatorListener, 'queue:item_opened');

    if (traceDir && !args['only-rate']) await traceStatements(http, setup, published);
    else if (args['only-rate']) await measureOnlyRate({ http, baseUrl: app.baseUrl, setup, arrivals: { published, opened }, pids: { app: app.pids, redis: redisPid(services.redis.port) } }, Number(args['only-rate']));
    else await measureAll(http, app.baseUrl, setup, services.redis.url, { published, opened }, { app: app.pids, redis: redisPid(services.redis.port) });
  } finally {
    setup?.memberListener.close();
    setup?.moderatorListener.close();
    await http?.close();
    await app?.stop();
    await services?.dispose();
  }
  if (traceDir) {
    // With --only-rate, the statements of the fixed-rate phases (warm-up included) per post.
    printStatements(traceDir, args['only-rate'] ? nextSeq : TRACE_POSTS);
    rmSync(traceDir, { recursive: true, force: true });
  }
  if (profileDir) {
    for (const role of readdirSync(profileDir)) {
      // Of each process's profiles (main thread, tsx's loader thread) the busiest is the app's event loop.
      const paths = readdirSync(join(profileDir, role)).map((f) => join(profileDir, role, f));
      const summaries = paths.map((path) => ({ path, summary: summarizeProfile(path) })).sort((a, b) => b.summary.totalMs - a.summary.totalMs);
      const main = summaries[0];
      if (!main) continue;
      printProfile(`${role} process (${main.path})`, main.summary);
      console.log('inclusive time of pipeline steps:');
      for (const s of inclusiveTimes(main.path, PROFILE_STEPS)) console.log(`  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.name}`);
    }
    console.log(`\nprofiles kept in ${profileDir}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
