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
  const queues = {
    flagging: { add: async (_name: string, data: { postId: string }) => { await add(); added.push(data.postId); } },
    close: async () => undefined,
  } as unknown as Queues;
  return { queues, added };
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
});
