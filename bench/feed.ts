// Feed paging benchmark: `npm run bench:feed [-- --posts=1000000 --iterations=50]`.
// Seeds one community with N posts (plus replies, unpublished posts and hashtags) straight through better-sqlite3 in
// one transaction, then times the real query functions of server/queries/feed.ts (keyset cursors) against a naive
// OFFSET query in the same run, and prints SQLite's EXPLAIN QUERY PLAN for both shapes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDatabase, type Db } from '../server/db/client';
import { applyMigrations } from '../server/db/migrations';
import type { CursorKey } from '../server/lib/cursor';
import { listPublished } from '../server/queries/feed';
import { POST_VIEW_INCLUDE } from '../server/queries/postViews';
import { fmt, summarize } from './helpers/load';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});
const POSTS = Number(args.posts);
const ITERATIONS = Number(args.iterations);
const PAGE = 20;
const COMMUNITY_ID = '00000000-0000-7000-8000-000000000001';
const AUTHORS = 1000;
/** One post in `RARE_EVERY` carries #langka, so a tag page deep in the feed has to skip far. */
const RARE_EVERY = 50;
const COMMON_TAGS = ['warga', 'info', 'kegiatan', 'kopdar', 'jualbeli', 'olahraga', 'kuliner', 'lingkungan'];

/** Prisma's SQLite DateTime text format (adapter-better-sqlite3, iso8601). */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
/** Time-ordered ids like uuid(7): the feed's tie-breaker sorts the same way as the time. */
const idOf = (kind: number, n: number) => `0${kind.toString(16)}${n.toString(16).padStart(14, '0')}`.replace(/^(.{8})(.{4})(.{4})/, '$1-$2-$3-8000-000000000000');

interface Seeded {
  published: number;
  rare: number;
}

/** Bulk insert in one transaction with prepared statements; indexes are maintained as rows go in. */
function seed(path: string): Seeded {
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  const base = Date.UTC(2024, 0, 1);
  let published = 0;
  let rare = 0;
  raw.transaction(() => {
    raw.prepare(`INSERT INTO "Community" (id, slug, name, createdAt) VALUES (?, 'bench-feed', 'Bench feed', ?)`).run(COMMUNITY_ID, iso(base));
    const user = raw.prepare(`INSERT INTO "User" (id, handle, email, displayName, passwordHash, locale, createdAt) VALUES (?, ?, ?, ?, 'x', 'id', ?)`);
    for (let u = 0; u < AUTHORS; u++) user.run(idOf(1, u), `author_${u}`, `author_${u}@bench.test`, `Author ${u}`, iso(base));
    const post = raw.prepare(
      `INSERT INTO "Post" (id, communityId, authorId, parentId, title, body, status, revision, checkedRevision, publishedAt, feedAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, NULL, ?, ?, 1, 1, ?, ?, ?, ?)`,
    );
    const tag = raw.prepare(`INSERT INTO "PostTag" (postId, communityId, tag, feedAt) VALUES (?, ?, ?, ?)`);
    let lastTop = '';
    for (let i = 0; i < POSTS; i++) {
      const id = idOf(2, i);
      const at = iso(base + i * 1000);
      // 2% replies (not in the top-level feed), 1% removed and 1% pending: rows the feed's index must step over.
      const reply = i % 50 === 7 && lastTop !== '';
      const status = i % 100 === 3 ? 'removed' : i % 100 === 5 ? 'pending' : 'published';
      const visible = status === 'published';
      post.run(id, COMMUNITY_ID, idOf(1, i % AUTHORS), reply ? lastTop : null, `Kabar ${i}: isi posting untuk uji halaman`, status, visible ? at : null, visible ? at : null, at, at);
      if (!reply) lastTop = id;
      if (visible && !reply) published += 1;
      if (i % 3 === 0) tag.run(id, COMMUNITY_ID, COMMON_TAGS[i % COMMON_TAGS.length], visible ? at : null);
      if (i % RARE_EVERY === 0) {
        tag.run(id, COMMUNITY_ID, 'langka', visible ? at : null);
        if (visible) rare += 1;
      }
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('ANALYZE');
  raw.close();
  return { published, rare };
}

/** Runs `fn` a few times to warm up, then `iterations` times; returns the per-call summary in ms. */
async function time(fn: () => Promise<unknown>, iterations = ITERATIONS) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** The naive baseline: the same rows, paged with OFFSET instead of a cursor. */
function offsetPage(db: Db, skip: number) {
  return db.post.findMany({
    where: { communityId: COMMUNITY_ID, status: 'published', parentId: null },
    include: POST_VIEW_INCLUDE,
    orderBy: [{ feedAt: 'desc' }, { id: 'desc' }],
    skip,
    take: PAGE + 1,
  });
}

/** The keyset condition as listPublished wrote it before bench:feed: an OR of two ranges (kept to show the cost). */
function orCursorPage(db: Db, after: CursorKey) {
  return db.post.findMany({
    where: { communityId: COMMUNITY_ID, status: 'published', parentId: null, OR: [{ feedAt: { lt: after.at } }, { feedAt: after.at, id: { lt: after.id } }] },
    include: POST_VIEW_INCLUDE,
    orderBy: [{ feedAt: 'desc' }, { id: 'desc' }],
    take: PAGE + 1,
  });
}

/** The naive tag baseline: PostTag paged with OFFSET, then the posts. */
async function offsetTagPage(db: Db, tag: string, skip: number) {
  const tagged = await db.postTag.findMany({
    where: { communityId: COMMUNITY_ID, tag, feedAt: { not: null } },
    orderBy: [{ feedAt: 'desc' }, { postId: 'desc' }],
    skip,
    take: PAGE + 1,
    select: { postId: true },
  });
  return db.post.findMany({ where: { id: { in: tagged.map((t) => t.postId) }, status: 'published' }, include: POST_VIEW_INCLUDE });
}

interface SentQuery {
  sql: string;
  args: unknown[];
}

/**
 * Runs `fn` and returns the statements Prisma executed for it, with their arguments, by watching better-sqlite3's
 * Statement methods: EXPLAIN then shows the plan of exactly what the app sends, not of a hand-written look-alike.
 */
async function capture(fn: () => Promise<unknown>): Promise<SentQuery[]> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'all' | 'get' | 'run', (this: { source: string }, ...args: unknown[]) => unknown>;
  probe.close();
  const sent: SentQuery[] = [];
  const originals = { all: proto.all, get: proto.get, run: proto.run };
  for (const method of ['all', 'get', 'run'] as const) {
    const original = originals[method];
    proto[method] = function watched(this: { source: string }, ...args: unknown[]) {
      sent.push({ sql: this.source, args: args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args });
      return original.apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(proto, originals);
  }
  return sent;
}

/** Prints SQLite's plan for each SELECT a page sent. */
function explainSent(raw: Database.Database, label: string, sent: SentQuery[]): void {
  console.log(`  ${label}:`);
  for (const q of sent.filter((s) => /^\s*SELECT/i.test(s.sql))) {
    const table = /FROM `main`\.`(\w+)`/.exec(q.sql)?.[1] ?? '?';
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args) as { detail: string }[];
    console.log(`    ${table}: ${plan.map((p) => p.detail).join(' | ')}`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rukun-feed-'));
  const path = join(dir, 'feed.db');
  const url = `file:${path}`;
  try {
    await applyMigrations({ url });
    const seedStart = performance.now();
    const seeded = seed(path);
    const seedMs = performance.now() - seedStart;
    console.log(`# Rukun feed benchmark: ${fmt(POSTS)} posts (${fmt(seeded.published)} in the top-level feed, ${fmt(seeded.rare)} tagged #langka), seeded in ${fmt(seedMs / 1000, 1)} s; ${ITERATIONS} runs per figure`);

    const raw = new Database(path, { readonly: true });
    const keyAt = (offset: number): CursorKey => {
      const row = raw
        .prepare(`SELECT feedAt, id FROM "Post" WHERE communityId = ? AND status = 'published' AND parentId IS NULL ORDER BY feedAt DESC, id DESC LIMIT 1 OFFSET ?`)
        .get(COMMUNITY_ID, offset) as { feedAt: string; id: string };
      return { at: new Date(row.feedAt), id: row.id };
    };
    const tagKeyAt = (tag: string, offset: number): CursorKey => {
      const row = raw
        .prepare(`SELECT feedAt, postId FROM "PostTag" WHERE communityId = ? AND tag = ? AND feedAt IS NOT NULL ORDER BY feedAt DESC, postId DESC LIMIT 1 OFFSET ?`)
        .get(COMMUNITY_ID, tag, offset) as { feedAt: string; postId: string };
      return { at: new Date(row.feedAt), id: row.postId };
    };
    const deep = Math.floor(seeded.published * 0.9);
    const deepTag = Math.floor(seeded.rare * 0.9);
    const deepKey = keyAt(deep - 1);
    const secondKey = keyAt(PAGE - 1);
    const deepTagKey = tagKeyAt('langka', deepTag - 1);

    const { prisma: db, close } = createDatabase({ url });
    try {
      const base = { communityId: COMMUNITY_ID, parentId: null, limit: PAGE };
      // Same rows either way: the cursor page after row `deep` is the OFFSET page at `deep`.
      const cursorIds = (await listPublished(db, { ...base, after: deepKey })).map((r) => r.id);
      const offsetIds = (await offsetPage(db, deep)).map((r) => r.id);
      if (cursorIds.join() !== offsetIds.join()) throw new Error('cursor and OFFSET pages differ: the benchmark would compare different work');

      const cases = [
        { label: 'first page', cursor: () => listPublished(db, { ...base, after: null }), offset: () => offsetPage(db, 0) },
        { label: `second page (row ${PAGE})`, cursor: () => listPublished(db, { ...base, after: secondKey }), offset: () => offsetPage(db, PAGE) },
        { label: `page at row ${fmt(deep)} (90% deep)`, cursor: () => listPublished(db, { ...base, after: deepKey }), offset: () => offsetPage(db, deep) },
        { label: '?tag=langka first page', cursor: () => listPublished(db, { ...base, tag: 'langka', after: null }), offset: () => offsetTagPage(db, 'langka', 0) },
        { label: `?tag=langka at row ${fmt(deepTag)} (90% deep)`, cursor: () => listPublished(db, { ...base, tag: 'langka', after: deepTagKey }), offset: () => offsetTagPage(db, 'langka', deepTag) },
      ];
      console.log(`\n${'page of 20 (+1)'.padEnd(34)} ${'cursor p50 / p99 ms'.padStart(22)} ${'OFFSET p50 / p99 ms'.padStart(22)} ${'OFFSET/cursor'.padStart(14)}`);
      const results = [];
      for (const c of cases) {
        const cursor = await time(c.cursor);
        const offset = await time(c.offset);
        results.push({ label: c.label, cursor, offset });
        const cell = (s: typeof cursor) => `${fmt(s.p50, 2)} / ${fmt(s.p99, 2)}`.padStart(22);
        console.log(`${c.label.padEnd(34)} ${cell(cursor)} ${cell(offset)} ${`${fmt(offset.p50 / cursor.p50, 1)}x`.padStart(14)}`);
      }

      // The old OR form sorts every post older than the cursor: near the top of a big feed that is nearly all of them.
      console.log('\nthe keyset condition as an OR of two ranges (the form listPublished used before), 5 runs each:');
      const orSecond = await time(() => orCursorPage(db, secondKey), 5);
      const orDeep = await time(() => orCursorPage(db, deepKey), 5);
      console.log(`  second page p50 ${fmt(orSecond.p50, 1)} ms; page at row ${fmt(deep)} p50 ${fmt(orDeep.p50, 1)} ms`);
      explainSent(raw, 'second page, OR form', await capture(() => orCursorPage(db, secondKey)));

      console.log('\nEXPLAIN QUERY PLAN of the statements Prisma sent for each page (captured, with their arguments)');
      for (const c of cases) explainSent(raw, `${c.label}, cursor`, await capture(c.cursor));
      for (const c of cases.slice(0, 2)) explainSent(raw, `${c.label}, OFFSET`, await capture(c.offset));
      console.log(`\nJSON ${JSON.stringify({ posts: POSTS, published: seeded.published, seedMs, results, orForm: { second: orSecond, deep: orDeep } })}`);
    } finally {
      await close();
      raw.close();
    }
  } finally {
    if (args.keep) console.log(`database kept at ${path}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
