// The enqueue step after a commit: it waits for Redis only so long, warns only when an add really fails, and an add
// that is merely slow still lands. The queue here is a stand-in whose add() the test controls; BullMQ itself is
// exercised against a real Redis in the integration and reliability suites.
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createEnqueue, type Queues } from '../../workers/queues';

function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, warnings: () => lines.filter((l) => l.level >= 40).map((l) => l.msg) };
}

function queueWhoseAdd(add: () => Promise<unknown>) {
  const added: string[] = [];
  const calls: { name: string; posts: string[]; jobId: string | undefined }[] = [];
  const queues = {
    flagging: {
      add: async (name: string, data: { postId: string } | { posts: { postId: string }[] }, opts?: { jobId?: string }) => {
        await add();
        const posts = 'posts' in data ? data.posts.map((p) => p.postId) : [data.postId];
        added.push(...posts);
        calls.push({ name, posts, jobId: opts?.jobId });
      },
    },
    close: async () => undefined,
  } as unknown as Queues;
  return { queues, added, calls };
}

const job = (postId: string) => ({ queue: 'flagging' as const, data: { postId, revision: 1 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEnqueue', () => {
  it('returns after the timeout when Redis is slow, without a warning, and the add still lands', async () => {
    const { logger, warnings } = recordingLogger();
    const { queues, added } = queueWhoseAdd(() => sleep(80));
    await createEnqueue({ queues, logger, timeoutMs: 10 })([job('slow')]);
    // Returned before the add finished ...
    expect(added).toEqual([]);
    // ... which still lands.
    await vi.waitFor(() => expect(added).toEqual(['slow']));
    expect(warnings()).toEqual([]);
  });

  it('warns when an add fails, and never throws into the request', async () => {
    const { logger, warnings } = recordingLogger();
    const { queues } = queueWhoseAdd(() => Promise.reject(new Error('Connection is closed.')));
    await expect(createEnqueue({ queues, logger, timeoutMs: 1000 })([job('lost')])).resolves.toBeUndefined();
    expect(warnings()).toEqual(['could not enqueue; the sweeper will retry']);
  });

  it('adds the single jobs of requests in the same turn as one batch job, and a lone request its own job', async () => {
    const { logger } = recordingLogger();
    const { queues, calls } = queueWhoseAdd(async () => undefined);
    const enqueue = createEnqueue({ queues, logger });
    await Promise.all([enqueue([job('a')]), enqueue([job('b')]), enqueue([job('c')])]);
    expect(calls).toEqual([{ name: 'check-batch', posts: ['a', 'b', 'c'], jobId: undefined }]);

    await enqueue([job('alone')]);
    expect(calls.slice(1)).toEqual([{ name: 'check', posts: ['alone'], jobId: 'post-alone-r1' }]);
  });

  it('spaces batch adds gatherMs apart: posts soon after an add share the next job, a post after a quiet spell goes out at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { logger } = recordingLogger();
      const { queues, calls } = queueWhoseAdd(async () => undefined);
      const enqueue = createEnqueue({ queues, logger, gatherMs: 4 });
      // Nothing was added before: no waiting.
      await enqueue([job('first')]);
      expect(calls).toEqual([{ name: 'check', posts: ['first'], jobId: 'post-first-r1' }]);

      // Within 4 ms of that add: held until the interval is over, together with what arrives meanwhile.
      vi.advanceTimersByTime(1);
      const second = enqueue([job('second')]);
      await vi.advanceTimersByTimeAsync(1);
      const third = enqueue([job('third')]);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await Promise.all([second, third]);
      expect(calls.slice(1)).toEqual([{ name: 'check-batch', posts: ['second', 'third'], jobId: undefined }]);

      // A quiet spell longer than the interval: the next post is added in its own turn again.
      vi.advanceTimersByTime(50);
      await enqueue([job('later')]);
      expect(calls.slice(2)).toEqual([{ name: 'check', posts: ['later'], jobId: 'post-later-r1' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps one job per revision, with its id, for a call that asks for several, for delayed ones and when told not to gather', async () => {
    const { logger } = recordingLogger();
    const { queues, calls } = queueWhoseAdd(async () => undefined);
    const enqueue = createEnqueue({ queues, logger });
    // The sweeper asks for many at once; a repeated sweep must find the same ids and add nothing twice.
    await Promise.all([
      enqueue([job('s1'), job('s2')]),
      enqueue([{ ...job('later'), delayMs: 60_000 }]),
      enqueue([job('now')]),
      enqueue([job('swept')], { gather: false }),
    ]);
    expect(calls).toEqual(
      expect.arrayContaining([
        { name: 'check', posts: ['s1'], jobId: 'post-s1-r1' },
        { name: 'check', posts: ['s2'], jobId: 'post-s2-r1' },
        { name: 'check', posts: ['later'], jobId: 'post-later-r1' },
        { name: 'check', posts: ['now'], jobId: 'post-now-r1' },
        { name: 'check', posts: ['swept'], jobId: 'post-swept-r1' },
      ]),
    );
    expect(calls).toHaveLength(5);
  });
});
