// Events benchmark: `npm run bench:events [-- --clients=1000 --capacity=100 --rate=500 --seconds=4 --profile]`.
// Starts its own Redis, database and Rukun (a child process, as production runs), then measures in one run:
//   (a) GET /healthz requests/s with 128 requests in flight (the HTTP stack's ceiling on this machine, right now)
//   (b) the burst: --clients members PUT /events/:id/rsvp {going} at once on one event of --capacity seats;
//       RSVPs/s over the whole burst, latency p50/p99 (with 1,000 in flight, p99 is about the burst's length)
//   (c) an open loop at --rate RSVPs/s for --seconds on another event of --capacity seats (each member answers once):
//       latency p50/p99 when the server keeps up, which is what a member waits
//   (d) the overbooking count of both events (going rows beyond capacity; must be 0) and counters against rows
// and CPU milliseconds of the app process per RSVP. Figures are printed, never asserted. See bench/README.md (Events).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../server/db/client';
import { insertMembers } from '../test/helpers/bulkMembers';
import { startApp, type RunningApp } from './helpers/appProcess';
import { cpuMeter, load1 } from './helpers/cpu';
import { createHttp, expectStatus, registerUser, type Http } from './helpers/client';
import { closedLoop, fmt, openLoop, summarize, type LatencySummary } from './helpers/load';
import { printProfile, summarizeProfile } from './helpers/profile';
import { startBenchServices, type BenchServices } from './helpers/services';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    capacity: { type: 'string', default: '100' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '4' },
    'healthz-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '256' },
    profile: { type: 'boolean', default: false },
    // Run the app from another checkout (e.g. the Prisma-only RSVP path at an earlier commit) to compare in one sitting.
    'app-root': { type: 'string' },
  },
});
const clients = Number(args.clients);
const capacity = Number(args.capacity);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const hour = 3_600_000;

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
  const slug = `bench-events-${Date.now()}`;
  expectStatus('community', await http.json('POST', '/api/communities', { token: owner.token, body: { slug, name: 'Bench Kopdar' } }), 201);
  return { slug, ownerId: owner.id, db: createDatabase({ url: databaseUrl }) };
}

/** A new event of `capacity` seats starting tomorrow and `count` new members, written straight to the database. */
async function eventWithMembers(setup: Setup, count: number): Promise<{ eventId: string; members: Member[] }> {
  const db = setup.db.prisma;
  const members = await insertMembers(db, { communitySlug: setup.slug, count });
  const community = await db.community.findUniqueOrThrow({ where: { slug: setup.slug }, select: { id: true } });
  const startsAt = new Date(Date.now() + 24 * hour);
  const event = await db.event.create({
    data: { communityId: community.id, createdById: setup.ownerId, title: 'Kopdar', startsAt, endsAt: new Date(startsAt.getTime() + 2 * hour), capacity },
  });
  return { eventId: event.id, members };
}

async function rsvp(http: Http, eventId: string, member: Member, latencies: number[]): Promise<void> {
  const started = performance.now();
  const res = await http.json('PUT', `/api/events/${eventId}/rsvp`, { token: member.token, body: { status: 'going' } });
  latencies.push(performance.now() - started);
  expectStatus('rsvp', res, 200);
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

/** Going rows beyond capacity, and whether the counters equal the rows and the waitlist is 1..n. */
async function audit(setup: Setup, eventId: string) {
  const db = setup.db.prisma;
  const [event, going, waiting] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId } }),
    db.eventRsvp.count({ where: { eventId, status: 'going' } }),
    db.eventRsvp.findMany({ where: { eventId, status: 'waitlisted' }, select: { position: true }, orderBy: { position: 'asc' } }),
  ]);
  const contiguous = waiting.every((row, i) => row.position === i + 1);
  return { overbooked: Math.max(0, going - (event.capacity ?? going)), going, waitlisted: waiting.length, consistent: event.goingCount === going && event.waitlistCount === waiting.length && contiguous };
}

function latencyLine(l: LatencySummary): string {
  return `p50 ${fmt(l.p50, 1)} ms, p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms`;
}

async function measure(http: Http, app: RunningApp, setup: Setup): Promise<void> {
  // Warm-up: JIT, statement caches and the connection pool, on an event of its own.
  const warm = await eventWithMembers(setup, 200);
  await Promise.all(warm.members.map((m) => rsvp(http, warm.eventId, m, [])));

  const healthz = await measureHealthz(http);

  const burst = await eventWithMembers(setup, clients);
  const burstLatencies: number[] = [];
  let cpu = cpuMeter(app.pids);
  let started = performance.now();
  await Promise.all(burst.members.map((m) => rsvp(http, burst.eventId, m, burstLatencies)));
  const burstSeconds = (performance.now() - started) / 1000;
  const burstCpuMs = cpu.stop();
  const burstRate = clients / burstSeconds;

  const steady = await eventWithMembers(setup, Math.ceil(rate * seconds));
  const steadyLatencies: number[] = [];
  cpu = cpuMeter(app.pids);
  started = performance.now();
  const loop = await openLoop({ ratePerSecond: rate, durationMs: seconds * 1000, task: (i) => rsvp(http, steady.eventId, steady.members[i] as Member, steadyLatencies) });
  const steadySeconds = (performance.now() - started) / 1000;
  const steadyCpuMs = cpu.stop();

  const [burstAudit, steadyAudit] = await Promise.all([audit(setup, burst.eventId), audit(setup, steady.eventId)]);
  const burstLatency = summarize(burstLatencies);
  const steadyLatency = summarize(steadyLatencies);
  const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
  console.log('');
  line('(a) GET /healthz (128 in flight)', `${fmt(healthz)} req/s`);
  line(`(b) burst: ${clients} RSVPs at once, capacity ${capacity}`, `${fmt(burstRate)} RSVPs/s (${fmt(burstSeconds, 2)} s)`);
  line('    latency', latencyLine(burstLatency));
  line('    app CPU per RSVP', `${fmt(burstCpuMs / clients, 2)} ms`);
  line('    ratio RSVPs/s : healthz req/s', `1 : ${fmt(healthz / burstRate, 1)}`);
  line(`(c) open loop at ${rate}/s for ${seconds} s (${loop.started} RSVPs, ${loop.failed} failed)`, `${fmt(loop.started / steadySeconds)} RSVPs/s achieved`);
  line('    latency', latencyLine(steadyLatency));
  line('    app CPU per RSVP', `${fmt(steadyCpuMs / Math.max(1, loop.started), 2)} ms`);
  line('(d) overbooking (going rows beyond capacity; must be 0)', `${burstAudit.overbooked + steadyAudit.overbooked}`);
  line('    burst: going / waitlisted / counters and positions', `${burstAudit.going} / ${burstAudit.waitlisted} / ${burstAudit.consistent ? 'consistent' : 'INCONSISTENT'}`);
  line('    open loop: going / waitlisted / counters and positions', `${steadyAudit.going} / ${steadyAudit.waitlisted} / ${steadyAudit.consistent ? 'consistent' : 'INCONSISTENT'}`);
  line('load average (1 min) after the run', fmt(load1(), 2));
  console.log(`\ntarget: >= 500 RSVPs/s and p99 < 100 ms: burst ${burstRate >= 500 ? 'meets' : 'misses'} the rate; open loop p99 ${steadyLatency.p99 < 100 ? 'meets' : 'misses'} the latency`);
}

async function main(): Promise<void> {
  let services: BenchServices | undefined;
  let app: RunningApp | undefined;
  let http: Http | undefined;
  let setup: Setup | undefined;
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'rukun-prof-')) : undefined;
  try {
    services = await startBenchServices();
    app = await startApp({ databaseUrl: services.databaseUrl, redisUrl: services.redis.url, layout: 'all', ...(profileDir ? { cpuProfileDir: profileDir } : {}), ...(args['app-root'] ? { appRoot: args['app-root'] } : {}) });
    http = createHttp(app.baseUrl, Number(args.connections));
    console.log(`# Rukun events benchmark (${clients} clients, capacity ${capacity}, open loop ${rate}/s, ${args.connections} connections, node ${process.version}${profileDir ? ', PROFILING' : ''}${args['app-root'] ? `, app from ${args['app-root']}` : ''})`);
    setup = await setUp(http, services.databaseUrl);
    await measure(http, app, setup);
  } finally {
    await http?.close();
    await setup?.db.close();
    await app?.stop();
    await services?.dispose();
  }
  if (profileDir) {
    for (const role of readdirSync(profileDir)) {
      const paths = readdirSync(join(profileDir, role)).map((f) => join(profileDir, role, f));
      const main = paths.map((path) => ({ path, summary: summarizeProfile(path) })).sort((a, b) => b.summary.totalMs - a.summary.totalMs)[0];
      if (main) printProfile(`${role} process (${main.path})`, main.summary);
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
