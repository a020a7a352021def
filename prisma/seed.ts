// `npm run demo`: a sample community with Indonesian and English posts, a moderator, a held post, and a login
// a newcomer can use. Safe to run twice: an existing demo is left as it is.
import { loadConfig } from '../server/config';
import { applyPostCheck } from '../server/commands/applyPostCheck';
import { createCommunity } from '../server/commands/createCommunity';
import { createEvent } from '../server/commands/createEvent';
import { rsvpToEvent } from '../server/commands/rsvpToEvent';
import { createPost } from '../server/commands/createPost';
import { sendFeedback } from '../server/commands/sendFeedback';
import { updateFeedback } from '../server/commands/updateFeedback';
import { joinCommunity } from '../server/commands/joinCommunity';
import { addReaction } from '../server/commands/reactToPost';
import { registerUser } from '../server/commands/registerUser';
import { createDatabase, type Db } from '../server/db/client';
import type { SqlLane } from '../server/db/sqlLane';
import { applyMigrations } from '../server/db/migrations';
import { loadActor } from '../server/queries/actor';
import { pseudonymServerKey } from '../server/lib/surveyPseudonym';
import { seedAnonymousSurvey } from './seedAnonymousSurvey';
import { seedSurvey } from './seedSurvey';

const PASSWORD = 'rukun-demo-2026';
const SLUG = 'kopdar-jakarta';

const PEOPLE = [
  { handle: 'demo', displayName: 'Demo Pengelola', locale: 'id' as const },
  { handle: 'sari', displayName: 'Sari Wulandari', locale: 'id' as const },
  { handle: 'budi', displayName: 'Budi Santoso', locale: 'id' as const },
  { handle: 'maya', displayName: 'Maya Chen', locale: 'en' as const },
];

const POSTS: { author: string; body: string; title?: string; replyTo?: number }[] = [
  { author: 'demo', title: 'Selamat datang!', body: 'Selamat datang di komunitas Kopdar Jakarta. Kenalkan dirimu di sini ya. #perkenalan' },
  { author: 'sari', body: 'Halo semua, aku Sari dari Depok. Suka kopi dan fotografi. #perkenalan #kopi', replyTo: 0 },
  { author: 'maya', body: 'Hi everyone! Maya here, I moved to Jakarta last month. Any good coffee spots near Blok M? #kopi' },
  { author: 'budi', body: 'Coba ke kedai di Jalan Bulungan, kopinya enak dan harganya santai. Rp 25.000 saja.', replyTo: 2 },
  { author: 'demo', title: 'Kopdar bulan depan', body: 'Kopdar berikutnya hari Sabtu jam 10 pagi. Siapa yang ikut? #kopdar' },
  { author: 'maya', body: 'Count me in! Should we bring anything? #kopdar', replyTo: 4 },
  { author: 'budi', body: 'Dasar bangsat, admin lama banget balasnya' },
];

async function ensureUser(db: Db, person: (typeof PEOPLE)[number], now: Date): Promise<string> {
  const existing = await db.user.findUnique({ where: { handle: person.handle } });
  if (existing) return existing.id;
  const { user } = await registerUser({ db, now, sessionTtlDays: 1 }, { ...person, email: `${person.handle}@demo.rukun.local`, password: PASSWORD });
  return user.id;
}

async function seed(db: Db, sql: SqlLane): Promise<boolean> {
  const now = new Date();
  const ids = new Map<string, string>();
  for (const person of PEOPLE) ids.set(person.handle, await ensureUser(db, person, now));
  if (await db.community.findUnique({ where: { slug: SLUG } })) return false;
  const community = await createCommunity({ db, now }, {
    ownerId: ids.get('demo') ?? '',
    slug: SLUG,
    name: 'Kopdar Jakarta',
    description: 'Komunitas kopi dan kopdar di Jakarta. Coffee lovers welcome.',
    locale: 'id',
  });
  for (const handle of ['sari', 'budi', 'maya']) await joinCommunity({ db, now }, { communityId: community.id, userId: ids.get(handle) ?? '' });
  await db.membership.updateMany({ where: { communityId: community.id, userId: ids.get('sari') ?? '' }, data: { role: 'moderator' } });
  const created: string[] = [];
  for (const post of POSTS) {
    const at = new Date();
    const actor = await loadActor(sql, { communityId: community.id, userId: ids.get(post.author) ?? '', now: at });
    const parentId = post.replyTo !== undefined ? created[post.replyTo] : undefined;
    const outcome = await createPost({ sql, now: at, screen: async () => undefined }, {
      actor,
      community,
      body: post.body,
      ...(post.title ? { title: post.title } : {}),
      ...(parentId ? { parentId } : {}),
    });
    // The demo runs the same check the flagging worker runs, so it needs no Redis.
    for (const job of outcome.jobs) if (job.queue === 'flagging') await applyPostCheck({ db, sql, now: at }, job.data);
    created.push(outcome.value.id);
  }
  const first = await db.post.findUniqueOrThrow({ where: { id: created[0] ?? '' } });
  for (const handle of ['sari', 'budi', 'maya']) {
    const actor = await loadActor(sql, { communityId: community.id, userId: ids.get(handle) ?? '', now });
    await addReaction({ db, now }, { actor, post: first, kind: 'love' });
  }
  await seedKopdar(db, sql, community.id, ids, now);
  await seedFeedback(db, sql, community.id, ids, now);
  await seedSurvey(db, { communityId: community.id, ownerId: ids.get('demo') ?? '', memberIds: ['sari', 'budi', 'maya'].map((h) => ids.get(h) ?? ''), password: PASSWORD, now });
  await seedAnonymousSurvey({ db, sql, serverKey: pseudonymServerKey(config), now }, { communityId: community.id, ids });
  return true;
}

/**
 * An upcoming kopdar, Saturday in a week at 10:00 WIB, with two seats: Sari and Budi go, Maya waits first in line.
 * Its reminder jobs are not queued here (the demo needs no Redis): the workers plan them for upcoming events on start.
 */
async function seedKopdar(db: Db, sql: SqlLane, communityId: string, ids: Map<string, string>, now: Date): Promise<void> {
  const day = 86_400_000;
  const inAWeek = new Date(now.getTime() + 7 * day);
  const saturday = new Date(inAWeek.getTime() + ((6 - inAWeek.getUTCDay() + 7) % 7) * day);
  const startsAt = new Date(Date.UTC(saturday.getUTCFullYear(), saturday.getUTCMonth(), saturday.getUTCDate(), 3, 0));
  const owner = await loadActor(sql, { communityId, userId: ids.get('demo') ?? '', now });
  const created = await createEvent({ db, now }, {
    actor: owner,
    communityId,
    event: {
      title: 'Kopdar Desember: cupping kopi Nusantara',
      description: 'Kita mencicipi kopi Gayo, Toraja dan Kintamani bersama. Tempat terbatas: daftar tunggu dibuka bila penuh.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timezone: 'Asia/Jakarta',
      location: 'Kedai Kopi Rukun, Jl. Sabang 12, Jakarta Pusat',
      capacity: 2,
      reminders: [1440, 60],
    },
  });
  const event = await db.event.findUniqueOrThrow({ where: { id: created.value.id } });
  for (const handle of ['sari', 'budi', 'maya']) {
    const actor = await loadActor(sql, { communityId, userId: ids.get(handle) ?? '', now });
    await rsvpToEvent({ db, now }, { actor, event, answer: 'going' });
  }
}

/**
 * The feedback inbox (issue 11): Maya's question, answered by Sari and resolved; Budi's suggestion, new and waiting for more than a
 * day; Maya's problem, taken by the owner and in progress. Sent and worked through the same commands as the routes.
 */
async function seedFeedback(db: Db, sql: SqlLane, communityId: string, ids: Map<string, string>, now: Date): Promise<void> {
  const hour = 3_600_000;
  const community = await db.community.findUniqueOrThrow({ where: { id: communityId } });
  const actor = (handle: string, at: Date) => loadActor(sql, { communityId, userId: ids.get(handle) ?? '', now: at });
  const send = async (handle: string, kind: 'question' | 'suggestion' | 'problem', body: string, hoursAgo: number) => {
    const at = new Date(now.getTime() - hoursAgo * hour);
    return (await sendFeedback({ db, now: at }, { actor: await actor(handle, at), community, kind, body })).value;
  };
  const work = async (handle: string, feedback: { id: string; authorId: string; kind: string }, patch: Parameters<typeof updateFeedback>[1]['patch'], hoursAgo: number) => {
    const at = new Date(now.getTime() - hoursAgo * hour);
    await updateFeedback({ db, now: at }, { actor: await actor(handle, at), feedback: { ...feedback, communityId }, community, patch });
  };
  const question = await send('maya', 'question', 'Is there parking near the kopdar venue, or should I take the MRT?', 50);
  await work('sari', question, { reply: 'Parkirnya terbatas. The MRT to Bundaran HI is easiest, then a 10-minute walk.', status: 'resolved' }, 46);
  await send('budi', 'suggestion', 'Bagaimana kalau sekali-sekali kopdar di Bandung? Banyak anggota dari sana.', 30);
  const problem = await send('maya', 'problem', 'Event reminders do not show up on my phone, only on the laptop.', 20);
  await work('demo', problem, { assignee: 'me', status: 'in_progress' }, 18);
}

const config = loadConfig();
await applyMigrations({ url: config.DATABASE_URL });
const database = createDatabase({ url: config.DATABASE_URL });
try {
  const fresh = await seed(database.prisma, database.sql);
  const port = config.PORT;
  console.log(`
${fresh ? 'Demo community created' : 'Demo community already exists'}: "${SLUG}".
Open http://localhost:${port} and sign in with:
  login:    demo        (owner)   or  sari (moderator), budi, maya
  password: ${PASSWORD}
`);
} finally {
  await database.close();
}
