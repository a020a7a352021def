// Reminders and cancellation notices (server/commands/sendEventReminder.ts, sendEventCancellation.ts, the events
// processor and the re-plan on worker start), against real SQLite and real Redis with a fixed clock. Members, RSVPs
// and events are written straight to the database: the RSVP and event commands have suites of their own.
import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planEventReminders } from '../../../server/commands/planEventReminders';
import { sendEventCancellation } from '../../../server/commands/sendEventCancellation';
import { sendEventMoved } from '../../../server/commands/sendEventMoved';
import { sendEventReminder } from '../../../server/commands/sendEventReminder';
import { QUEUE_NAMES, eventCancelledJobId, eventMovedJobId, eventReminderJobId, type EventJob, type EventMovedJob, type EventReminderJob } from '../../../server/contracts/jobs';
import type { Db } from '../../../server/db/client';
import { parseReminders } from '../../../server/presenters/presentEvent';
import { createEventJobProcessor, type EventProcessorDeps } from '../../../workers/processors/eventJobs';
import { enqueueEventJob, type EventJobRequest } from '../../../workers/queues';
import { startWorkers } from '../../../workers/startWorkers';
import { insertEvent } from '../../helpers/eventRows';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { waitUntil } from '../../reliability/support/waitUntil';

const minute = 60_000;
const NOW = new Date('2026-12-05T08:00:00.000Z');
const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * minute);

interface World {
  communityId: string;
  slug: string;
  ownerId: string;
}

let seq = 0;
const tag = () => `${randomBytes(3).toString('hex')}${(seq += 1)}`;

/** A community with an owner, written directly. */
async function createWorld(db: Db): Promise<World> {
  const owner = await createMember(db, null);
  const slug = `ev-${tag()}`;
  const community = await db.community.create({ data: { slug, name: 'Komunitas Acara' } });
  await db.membership.create({ data: { communityId: community.id, userId: owner, role: 'owner' } });
  return { communityId: community.id, slug, ownerId: owner };
}

/** A user, and a member of `communityId` unless it is null. */
async function createMember(db: Db, communityId: string | null, options: { status?: 'active' | 'banned'; locale?: 'id' | 'en' } = {}): Promise<string> {
  const handle = `m_${tag()}`;
  const user = await db.user.create({ data: { handle, email: `${handle}@example.test`, displayName: handle, passwordHash: 'x', locale: options.locale ?? 'id' } });
  if (communityId) await db.membership.create({ data: { communityId, userId: user.id, status: options.status ?? 'active' } });
  return user.id;
}

/** Members of the world who answered the event with `status`, one RSVP row each. */
async function answered(db: Db, world: World, eventId: string, status: 'going' | 'waitlisted' | 'interested' | 'not_going', count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const userId = await createMember(db, world.communityId, { locale: i % 2 ? 'en' : 'id' });
    await db.eventRsvp.create({ data: { eventId, userId, status, position: status === 'waitlisted' ? i + 1 : null, code: `R${tag()}` } });
    ids.push(userId);
  }
  return ids;
}

/** How many notifications of `kind` about `eventId` each user has, for the users given (0 included). */
async function countsPerMember(db: Db, kind: string, eventId: string, userIds: string[]): Promise<number[]> {
  const rows = await db.notification.findMany({ where: { kind, data: { contains: eventId } }, select: { userId: true } });
  return userIds.map((id) => rows.filter((r) => r.userId === id).length);
}

const reminderOf = (event: { id: string; startsAt: Date; sequence: number }, offsetMinutes: number): EventReminderJob => ({
  eventId: event.id,
  offsetMinutes,
  startsAt: event.startsAt.toISOString(),
  sequence: event.sequence,
});

/** The reminder jobs the create and edit commands return for the event row as it is at `now`. */
const planOf = (event: { id: string; startsAt: Date; reminders: string; status: string; sequence: number }, now: Date): EventJobRequest[] =>
  planEventReminders({ ...event, reminders: parseReminders(event.reminders) }, now).filter((job): job is EventJobRequest => job.queue === 'events');

describe('event notices', () => {
  let server: TestServer;
  let db: Db;
  let world: World;
  let connection: Redis;
  const deps = (): EventProcessorDeps => ({ ...server.rukun.deps, now: () => NOW });
  const notice = () => ({ db, now: NOW });

  /** Runs `work` while one events worker of this test runs `processor` on this server's queue. */
  async function withWorker<T>(processor: ReturnType<typeof createEventJobProcessor>, work: () => Promise<T>): Promise<T> {
    const worker = new Worker<EventJob>(QUEUE_NAMES.events, processor, { connection, prefix: server.prefix, concurrency: 1 });
    try {
      await worker.waitUntilReady();
      return await work();
    } finally {
      await worker.close();
    }
  }

  /** Waits for the events job `jobId` to complete and returns what the processor returned. */
  const completed = (jobId: string) =>
    waitUntil(`events job ${jobId} to complete`, async () => {
      const queue = server.rukun.deps.queues.events;
      if ((await queue.getJobState(jobId)) !== 'completed') return undefined;
      const job = await queue.getJob(jobId);
      return job ? { result: job.returnvalue as string, attemptsStarted: job.attemptsStarted } : undefined;
    });

  beforeAll(async () => {
    // HTTP only: the tests run their own events workers (or the commands directly) with the fixed clock.
    server = await startTestServer({ process: 'server', now: () => NOW });
    db = server.rukun.deps.db;
    world = await createWorld(db);
    connection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await server.rukun.deps.queues.events.obliterate({ force: true });
    connection?.disconnect();
    await server?.close();
  });

  it('a reminder job sends each going member one notification, not the waitlisted, interested, banned or departed', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, title: 'Kopdar Jakarta', startsAt: at(50), reminders: [60], timezone: 'Asia/Makassar' });
    const going = await answered(db, world, event.id, 'going', 3);
    const others = [
      ...(await answered(db, world, event.id, 'waitlisted', 2)),
      ...(await answered(db, world, event.id, 'interested', 2)),
      ...(await answered(db, world, event.id, 'not_going', 1)),
    ];
    // Going, but banned since, or no longer a member: neither is reminded.
    const banned = await createMember(db, world.communityId, { status: 'banned' });
    const departed = await createMember(db, null);
    for (const userId of [banned, departed]) await db.eventRsvp.create({ data: { eventId: event.id, userId, status: 'going', code: `R${tag()}` } });

    const job = reminderOf(event, 60);
    const result = await withWorker(createEventJobProcessor(deps()), async () => {
      await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data: job, delayMs: 0 });
      return completed(eventReminderJobId(job));
    });
    expect(result.result).toBe('sent:3');
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1]);
    expect(await countsPerMember(db, 'event_reminder', event.id, [...others, banned, departed])).toEqual(others.map(() => 0).concat([0, 0]));

    const [notification] = await db.notification.findMany({ where: { userId: going[0], kind: 'event_reminder' } });
    // The client words it in the reader's language from kind and data (server/contracts/api.ts).
    expect(JSON.parse(notification?.data ?? '{}')).toEqual({ eventId: event.id, title: 'Kopdar Jakarta', startsAt: event.startsAt.toISOString(), timezone: 'Asia/Makassar', minutesBefore: 60 });
    expect(notification?.communityId).toBe(world.communityId);
    const deliveries = await db.eventReminderDelivery.findMany({ where: { eventId: event.id } });
    expect(deliveries.map((d) => d.userId).sort()).toEqual([...going].sort());
    expect(deliveries.every((d) => d.kind === 'reminder' && d.offsetMinutes === 60 && d.startsAt.getTime() === event.startsAt.getTime() && d.notificationId)).toBe(true);

    // A retry of the job, and copies of it under other ids, find every member delivered.
    expect(await sendEventReminder(notice(), job)).toEqual({ sent: 0, skipped: null });
    const copies = await withWorker(createEventJobProcessor(deps()), async () => {
      await server.rukun.deps.queues.events.add('reminder', job, { jobId: `copy-a-${event.id}` });
      await server.rukun.deps.queues.events.add('reminder', job, { jobId: `copy-b-${event.id}` });
      return Promise.all([completed(`copy-a-${event.id}`), completed(`copy-b-${event.id}`)]);
    });
    expect(copies.map((c) => c.result)).toEqual(['sent:0', 'sent:0']);
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1]);
  });

  it('two runs of the same reminder at once still send each member one copy', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
    const going = await answered(db, world, event.id, 'going', 5);
    const job = reminderOf(event, 60);
    const runs = await Promise.all([sendEventReminder({ ...notice(), batchSize: 2 }, job), sendEventReminder({ ...notice(), batchSize: 2 }, job)]);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1, 1, 1]);
  });

  it('another offset of the same event is a reminder of its own', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(1440), reminders: [1440, 60] });
    const going = await answered(db, world, event.id, 'going', 2);
    expect(await sendEventReminder(notice(), reminderOf(event, 1440))).toEqual({ sent: 2, skipped: null });
    expect(await sendEventReminder({ db, now: at(1380) }, reminderOf(event, 60))).toEqual({ sent: 2, skipped: null });
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([2, 2]);
  });

  it('late reminders that all run at once (workers were down) collapse into the nearest one', async () => {
    // Planned a day ago, both due by now: the day-before one ran late and the hour-before one is due as well.
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [1440, 60] });
    const going = await answered(db, world, event.id, 'going', 2);
    const [dayBefore, hourBefore] = [reminderOf(event, 1440), reminderOf(event, 60)];
    const results = await withWorker(createEventJobProcessor(deps()), async () => {
      for (const data of [dayBefore, hourBefore]) await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data, delayMs: 0 });
      return Promise.all([completed(eventReminderJobId(dayBefore)), completed(eventReminderJobId(hourBefore))]);
    });
    expect(results.map((r) => r.result)).toEqual(['skipped:superseded', 'sent:2']);
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1]);
    const [notification] = await db.notification.findMany({ where: { userId: going[0], kind: 'event_reminder', data: { contains: event.id } } });
    expect(JSON.parse(notification?.data ?? '{}')).toMatchObject({ minutesBefore: 60 });
  });

  it('an event moved A -> B -> A within the hour is reminded at A again', async () => {
    // At A (in 30 minutes) the hour-before reminder is due at once; it runs only after the event has moved to B.
    const atA = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), endsAt: at(150), reminders: [60] });
    const going = await answered(db, world, atA.id, 'going', 2);
    const queues = server.rukun.deps.queues;
    for (const job of planOf(atA, NOW)) await enqueueEventJob(queues, job);
    const atB = await db.event.update({ where: { id: atA.id }, data: { startsAt: at(90), endsAt: at(210), sequence: { increment: 1 } } });
    for (const job of planOf(atB, NOW)) await enqueueEventJob(queues, job);
    const [firstA] = planOf(atA, NOW);
    expect(firstA).toBeDefined();
    const stale = await withWorker(createEventJobProcessor(deps()), () => completed(eventReminderJobId(firstA?.data as EventReminderJob)));
    expect(stale.result).toBe('skipped:moved');

    // Back to A: its reminder is planned again under a new id (the completed one is still kept), and sent once.
    const backAtA = await db.event.update({ where: { id: atA.id }, data: { startsAt: at(30), endsAt: at(150), sequence: { increment: 1 } } });
    const [again] = planOf(backAtA, NOW);
    expect(again?.data).toEqual({ eventId: atA.id, offsetMinutes: 60, startsAt: at(30).toISOString(), sequence: 2 });
    const sent = await withWorker(createEventJobProcessor(deps()), async () => {
      await enqueueEventJob(queues, again as EventJobRequest);
      return completed(eventReminderJobId(again?.data as EventReminderJob));
    });
    expect(sent.result).toBe('sent:2');
    expect(await countsPerMember(db, 'event_reminder', atA.id, going)).toEqual([1, 1]);
  });

  it('a job planned for the old start of a moved event sends nothing, the new start’s job sends', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
    const going = await answered(db, world, event.id, 'going', 2);
    const stale = reminderOf(event, 60);
    const moved = await db.event.update({ where: { id: event.id }, data: { startsAt: at(90), endsAt: at(210), sequence: { increment: 1 } } });
    expect(await sendEventReminder(notice(), stale)).toEqual({ sent: 0, skipped: 'moved' });
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([0, 0]);
    expect(await sendEventReminder(notice(), reminderOf(moved, 60))).toEqual({ sent: 2, skipped: null });
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1]);
  });

  it('an offset removed from the event’s reminders sends nothing', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [1440, 60] });
    const going = await answered(db, world, event.id, 'going', 2);
    await db.event.update({ where: { id: event.id }, data: { reminders: JSON.stringify([1440]) } });
    expect(await sendEventReminder(notice(), reminderOf(event, 60))).toEqual({ sent: 0, skipped: 'offset_removed' });
    expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([0, 0]);
  });

  it('a reminder for a deleted event does nothing', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
    await db.event.delete({ where: { id: event.id } });
    expect(await sendEventReminder(notice(), reminderOf(event, 60))).toEqual({ sent: 0, skipped: 'gone' });
    expect(await sendEventCancellation(notice(), { eventId: event.id })).toEqual({ sent: 0, skipped: 'gone' });
  });

  it('a cancelled event sends no reminder; its cancellation notice reaches going, waitlisted and interested once', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, title: 'Kerja bakti', startsAt: at(30), reminders: [60] });
    const told = [
      ...(await answered(db, world, event.id, 'going', 2)),
      ...(await answered(db, world, event.id, 'waitlisted', 2)),
      ...(await answered(db, world, event.id, 'interested', 1)),
    ];
    const notGoing = await answered(db, world, event.id, 'not_going', 1);
    // Not yet cancelled: the notice has nothing to say.
    expect(await sendEventCancellation(notice(), { eventId: event.id })).toEqual({ sent: 0, skipped: 'not_cancelled' });
    await db.event.update({ where: { id: event.id }, data: { status: 'cancelled', cancelledAt: NOW, sequence: { increment: 1 } } });

    expect(await sendEventReminder(notice(), reminderOf(event, 60))).toEqual({ sent: 0, skipped: 'cancelled' });
    expect(await countsPerMember(db, 'event_reminder', event.id, told)).toEqual([0, 0, 0, 0, 0]);

    const job = { eventId: event.id };
    const result = await withWorker(createEventJobProcessor(deps()), async () => {
      await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'cancelled', data: job, delayMs: 0 });
      return completed(eventCancelledJobId(job));
    });
    expect(result.result).toBe('sent:5');
    // Run again (a retry): nobody hears twice.
    expect(await sendEventCancellation({ ...notice(), batchSize: 2 }, job)).toEqual({ sent: 0, skipped: null });
    expect(await countsPerMember(db, 'event_cancelled', event.id, told)).toEqual([1, 1, 1, 1, 1]);
    expect(await countsPerMember(db, 'event_cancelled', event.id, notGoing)).toEqual([0]);
    const [notification] = await db.notification.findMany({ where: { userId: told[0], kind: 'event_cancelled' } });
    expect(JSON.parse(notification?.data ?? '{}')).toEqual({ eventId: event.id, title: 'Kerja bakti', startsAt: event.startsAt.toISOString(), timezone: 'Asia/Jakarta' });
    const deliveries = await db.eventReminderDelivery.findMany({ where: { eventId: event.id, kind: 'cancelled' } });
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((d) => d.offsetMinutes === 0 && d.startsAt.getTime() === event.startsAt.getTime())).toBe(true);
  });

  it('a moved notice reaches going and waitlisted members once per move, and only for the latest start', async () => {
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, title: 'Kopdar Bandung', startsAt: at(600), endsAt: at(720) });
    const told = [...(await answered(db, world, event.id, 'going', 2)), ...(await answered(db, world, event.id, 'waitlisted', 1))];
    const untold = [...(await answered(db, world, event.id, 'interested', 1)), ...(await answered(db, world, event.id, 'not_going', 1))];
    /** Moves the event to `startsAt` as an edit would (sequence bumped) and returns the notice job the edit queues. */
    const move = async (startsAt: Date): Promise<EventMovedJob> => {
      const before = await db.event.findUniqueOrThrow({ where: { id: event.id } });
      const after = await db.event.update({ where: { id: event.id }, data: { startsAt, endsAt: new Date(startsAt.getTime() + 120 * minute), sequence: { increment: 1 } } });
      return { eventId: event.id, startsAt: after.startsAt.toISOString(), previousStartsAt: before.startsAt.toISOString(), sequence: after.sequence };
    };

    const toB = await move(at(900));
    const result = await withWorker(createEventJobProcessor(deps()), async () => {
      await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'moved', data: toB, delayMs: 0 });
      return completed(eventMovedJobId(toB));
    });
    expect(result.result).toBe('sent:3');
    expect(await countsPerMember(db, 'event_moved', event.id, told)).toEqual([1, 1, 1]);
    expect(await countsPerMember(db, 'event_moved', event.id, untold)).toEqual([0, 0]);
    const [notification] = await db.notification.findMany({ where: { userId: told[0], kind: 'event_moved' } });
    expect(JSON.parse(notification?.data ?? '{}')).toEqual({ eventId: event.id, title: 'Kopdar Bandung', startsAt: at(900).toISOString(), timezone: 'Asia/Jakarta', previousStartsAt: at(600).toISOString() });
    // A retry tells nobody twice.
    expect(await sendEventMoved({ ...notice(), batchSize: 2 }, toB)).toEqual({ sent: 0, skipped: null });

    // Moved again before the notice ran: that notice is stale, the latest one is sent.
    const toC = await move(at(960));
    const toA = await move(at(600));
    expect(await sendEventMoved(notice(), toC)).toEqual({ sent: 0, skipped: 'moved_again' });
    expect(await sendEventMoved(notice(), toA)).toEqual({ sent: 3, skipped: null });
    // Back to B: a new move, told again although they once heard of B.
    const backToB = await move(at(900));
    expect(eventMovedJobId(backToB)).not.toBe(eventMovedJobId(toB));
    expect(await sendEventMoved(notice(), backToB)).toEqual({ sent: 3, skipped: null });
    expect(await countsPerMember(db, 'event_moved', event.id, told)).toEqual([3, 3, 3]);

    // Nothing once the event has begun or was cancelled.
    expect(await sendEventMoved({ db, now: at(900) }, backToB)).toEqual({ sent: 0, skipped: 'begun' });
    await db.event.update({ where: { id: event.id }, data: { status: 'cancelled', cancelledAt: NOW } });
    expect(await sendEventMoved(notice(), { ...backToB, sequence: backToB.sequence + 1 })).toEqual({ sent: 0, skipped: 'cancelled' });
    expect(await countsPerMember(db, 'event_moved', event.id, told)).toEqual([3, 3, 3]);
  });

  it('a job it cannot read fails at once instead of being retried', async () => {
    const queue = server.rukun.deps.queues.events;
    const jobId = `unreadable-${tag()}`;
    const failed = await withWorker(createEventJobProcessor(deps()), async () => {
      await queue.add('reminder', { eventId: 'ev-x' } as EventJob, { jobId });
      return waitUntil('the unreadable job to fail', async () => ((await queue.getJobState(jobId)) === 'failed' ? queue.getJob(jobId) : undefined));
    });
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain('unknown events job reminder');
  });

  describe('a run stopped part-way', () => {
    it('after its first batch committed: the rerun completes everyone, nobody twice', async () => {
      const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
      const going = await answered(db, world, event.id, 'going', 5);
      const job = reminderOf(event, 60);
      // The process "dies" once the first batch of two has committed: nothing after it runs.
      const dying = sendEventReminder(
        {
          ...notice(),
          batchSize: 2,
          afterBatch: async () => {
            throw new Error('worker killed');
          },
        },
        job,
      );
      await expect(dying).rejects.toThrow('worker killed');
      expect(await db.eventReminderDelivery.count({ where: { eventId: event.id } })).toBe(2);
      expect((await countsPerMember(db, 'event_reminder', event.id, going)).reduce((a, b) => a + b, 0)).toBe(2);

      expect(await sendEventReminder({ ...notice(), batchSize: 2 }, job)).toEqual({ sent: 3, skipped: null });
      expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1, 1, 1]);
    });

    it('inside a batch’s transaction: that batch is rolled back whole and the rerun completes it', async () => {
      const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
      const going = await answered(db, world, event.id, 'going', 5);
      const job = reminderOf(event, 60);
      // The second batch dies after writing its delivery rows, before its notifications and COMMIT.
      let batches = 0;
      const dyingDb = db.$extends({
        query: {
          notification: {
            async createMany({ args, query }) {
              batches += 1;
              if (batches === 2) throw new Error('worker killed mid-transaction');
              return query(args);
            },
          },
        },
      }) as unknown as Db;
      await expect(sendEventReminder({ db: dyingDb, now: NOW, batchSize: 2 }, job)).rejects.toThrow('worker killed mid-transaction');
      // The first batch stays delivered; the second left no delivery row behind (it would block its members for good).
      expect(await db.eventReminderDelivery.count({ where: { eventId: event.id } })).toBe(2);
      expect(await db.notification.count({ where: { kind: 'event_reminder', data: { contains: event.id } } })).toBe(2);

      expect(await sendEventReminder({ ...notice(), batchSize: 2 }, job)).toEqual({ sent: 3, skipped: null });
      expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1, 1, 1]);
    });

    it('on a unique violation (another run delivered meanwhile): the batch is rolled back and run again, nobody twice', async () => {
      const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
      const going = await answered(db, world, event.id, 'going', 3);
      // The first delivery insert meets rows already there, as a concurrent run's on PostgreSQL would: here the same
      // rows are written twice, so the database itself raises the violation (P2002) inside the transaction.
      let inserts = 0;
      const racingDb = db.$extends({
        query: {
          eventReminderDelivery: {
            async createMany({ args, query }) {
              inserts += 1;
              if (inserts === 1) await query(args);
              return query(args);
            },
          },
        },
      }) as unknown as Db;
      expect(await sendEventReminder({ db: racingDb, now: NOW }, reminderOf(event, 60))).toEqual({ sent: 3, skipped: null });
      expect(inserts).toBe(2);
      expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1]);
    });

    it('through the queue: a job that fails after its first batch is retried and finishes the rest once', async () => {
      const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(30), reminders: [60] });
      const going = await answered(db, world, event.id, 'going', 5);
      const job = reminderOf(event, 60);
      // The first attempt's first announcement fails (the process lost its connection right after the commit).
      let announcements = 0;
      const failingOnce: EventProcessorDeps = {
        ...deps(),
        announce: async (events) => {
          announcements += 1;
          if (announcements === 1) throw new Error('worker lost after the first batch');
          await server.rukun.deps.announce(events);
        },
      };
      const jobId = eventReminderJobId(job);
      const result = await withWorker(createEventJobProcessor(failingOnce, { batchSize: 2 }), async () => {
        await server.rukun.deps.queues.events.add('reminder', job, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 0 } });
        return completed(jobId);
      });
      expect(result.attemptsStarted).toBe(2);
      expect(result.result).toBe('sent:3');
      expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1, 1, 1, 1]);
    });
  });
});

describe('re-planning when the events worker starts', () => {
  let server: TestServer;
  let db: Db;
  let world: World;
  let clock = NOW;

  beforeAll(async () => {
    // No worker at first: events are written while the workers are "down", then startWorkers runs as on boot.
    server = await startTestServer({ process: 'server', now: () => clock });
    db = server.rukun.deps.db;
    world = await createWorld(db);
  });
  afterAll(async () => {
    await server.rukun.deps.queues.events.obliterate({ force: true });
    await server?.close();
  });

  it('sends a reminder whose time passed while the workers were down if the event has not begun, skips it after the start, queues future ones and cancellation notices', async () => {
    // Reminder 60 minutes before a start 20 minutes from now: its time passed 40 minutes ago.
    const late = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(20), reminders: [60] });
    // Began 10 minutes ago: its reminder is owed no more, even though a job for it is still queued from before.
    const begun = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(-10), reminders: [60] });
    // Tomorrow: its reminder waits in the queue until due.
    const later = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(24 * 60), reminders: [60] });
    const cancelled = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(20), reminders: [60], status: 'cancelled' });
    const lateGoing = await answered(db, world, late.id, 'going', 3);
    const begunGoing = await answered(db, world, begun.id, 'going', 2);
    const laterGoing = await answered(db, world, later.id, 'going', 1);
    const cancelledGoing = await answered(db, world, cancelled.id, 'going', 1);
    const begunJob = reminderOf(begun, 60);
    await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data: begunJob, delayMs: 0 });

    const connection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const workers = startWorkers(server.rukun.deps, { connection });
    try {
      // One job for each upcoming scheduled event's offset (the late one and tomorrow's), and the cancellation notice
      // of the upcoming cancelled event (its enqueue after the cancel's commit never happened here).
      expect(await workers.remindersReplanned).toBe(3);
      const queue = server.rukun.deps.queues.events;
      const done = (jobId: string) =>
        waitUntil(`job ${jobId} to complete`, async () => ((await queue.getJobState(jobId)) === 'completed' ? ((await queue.getJob(jobId))?.returnvalue as string) : undefined));
      expect(await done(eventReminderJobId(reminderOf(late, 60)))).toBe('sent:3');
      expect(await done(eventReminderJobId(begunJob))).toBe('skipped:begun');
      expect(await countsPerMember(db, 'event_reminder', late.id, lateGoing)).toEqual([1, 1, 1]);
      expect(await countsPerMember(db, 'event_reminder', begun.id, begunGoing)).toEqual([0, 0]);
      expect(await countsPerMember(db, 'event_reminder', cancelled.id, cancelledGoing)).toEqual([0]);
      expect(await done(eventCancelledJobId({ eventId: cancelled.id }))).toBe('sent:1');
      expect(await countsPerMember(db, 'event_cancelled', cancelled.id, cancelledGoing)).toEqual([1]);

      const laterJob = await queue.getJob(eventReminderJobId(reminderOf(later, 60)));
      expect(await laterJob?.getState()).toBe('delayed');
      expect(laterJob?.opts.delay).toBe(23 * 60 * minute);
      expect(await countsPerMember(db, 'event_reminder', later.id, laterGoing)).toEqual([0]);
      expect(await queue.getJob(eventReminderJobId(reminderOf(cancelled, 60)))).toBeUndefined();

      const metrics = await server.rukun.deps.metrics.registry.getSingleMetricAsString('rukun_event_notice_jobs_total');
      expect(metrics).toContain('rukun_event_notice_jobs_total{kind="reminder",outcome="sent"} 1');
      expect(metrics).toContain('rukun_event_notice_jobs_total{kind="reminder",outcome="begun"} 1');
    } finally {
      await workers.close();
      connection.disconnect();
    }

    // A second start plans the same jobs under the same ids: nothing new is queued, nobody is reminded twice.
    clock = at(1);
    const secondConnection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const again = startWorkers(server.rukun.deps, { connection: secondConnection });
    try {
      expect(await again.remindersReplanned).toBe(3);
      expect((await server.rukun.deps.queues.events.getJobs(['delayed', 'waiting', 'active', 'completed'])).length).toBe(4);
    } finally {
      await again.close();
      secondConnection.disconnect();
    }
    expect(await countsPerMember(db, 'event_reminder', late.id, lateGoing)).toEqual([1, 1, 1]);
    expect(await countsPerMember(db, 'event_cancelled', cancelled.id, cancelledGoing)).toEqual([1]);
  });

  it('retries a reminder job kept in the failed state, and queues no notice for a cancelled event that has begun', async () => {
    const queue = server.rukun.deps.queues.events;
    const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(40), reminders: [60] });
    const going = await answered(db, world, event.id, 'going', 2);
    const begun = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(-5), reminders: [60], status: 'cancelled' });
    const begunGoing = await answered(db, world, begun.id, 'going', 1);
    // The reminder ran out of attempts while the database was away: BullMQ keeps the failed job (and its id) a week.
    const [planned] = planOf(event, clock);
    const jobId = eventReminderJobId(planned?.data as EventReminderJob);
    const failingConnection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const failing = new Worker<EventJob>(
      QUEUE_NAMES.events,
      async () => {
        throw new Error('database away');
      },
      { connection: failingConnection, prefix: server.prefix },
    );
    try {
      await queue.add('reminder', planned?.data as EventReminderJob, { jobId, attempts: 1 });
      await waitUntil('the reminder to fail', async () => ((await queue.getJobState(jobId)) === 'failed' ? true : undefined));
    } finally {
      await failing.close();
      failingConnection.disconnect();
    }

    const connection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const workers = startWorkers(server.rukun.deps, { connection });
    try {
      expect(await workers.remindersReplanned).toBeGreaterThan(0);
      expect(await queue.getJobState(jobId)).not.toBe('failed');
      const retried = await waitUntil(`job ${jobId} to complete`, async () => ((await queue.getJobState(jobId)) === 'completed' ? queue.getJob(jobId) : undefined));
      expect(retried?.returnvalue).toBe('sent:2');
      expect(await countsPerMember(db, 'event_reminder', event.id, going)).toEqual([1, 1]);
      expect(await queue.getJob(eventCancelledJobId({ eventId: begun.id }))).toBeUndefined();
      expect(await countsPerMember(db, 'event_cancelled', begun.id, begunGoing)).toEqual([0]);
    } finally {
      await workers.close();
      connection.disconnect();
    }
  });

  it('pages through many upcoming events without missing or repeating one', async () => {
    const { replanUpcomingReminders } = await import('../../../server/commands/replanUpcomingReminders');
    // Same start for several, to cross a page boundary inside one instant (keyset on startsAt and id).
    const created = [];
    const cancelled = [];
    for (let i = 0; i < 7; i++) created.push(await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(600 + (i < 4 ? 0 : i)), reminders: [30] }));
    for (let i = 0; i < 5; i++) cancelled.push(await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, startsAt: at(600 + (i < 3 ? 0 : i)), reminders: [30], status: 'cancelled' }));
    const seen: string[] = [];
    const told: string[] = [];
    const planned = await replanUpcomingReminders(
      { db, now: NOW },
      {
        pageSize: 3,
        add: async (jobs) => {
          for (const job of jobs) if (job.queue === 'events') (job.name === 'reminder' ? seen : told).push(job.data.eventId);
        },
      },
    );
    for (const event of created) expect(seen.filter((id) => id === event.id)).toHaveLength(1);
    for (const event of cancelled) expect(told.filter((id) => id === event.id)).toHaveLength(1);
    expect(cancelled.some((event) => seen.includes(event.id))).toBe(false);
    expect(planned).toBe(seen.length + told.length);
  });
});
