// Previews run on worker threads, but never more at once than MAX_PREVIEW_THREADS: managers of many communities,
// each within their own rate limit, must not together take every core. The rest wait their turn and all answer.
import { describe, expect, it } from 'vitest';
import { communityLexiconActions } from '../../server/lib/lexiconActions';
import { MAX_PREVIEW_THREADS, runPreviewWorker } from '../../server/queries/preview/runPreviewWorker';
import type { PreviewJob } from '../../server/queries/preview/previewTypes';

const job: PreviewJob = {
  version: '1',
  rules: [],
  draft: { id: 'draft', pattern: `a${'.{5}'.repeat(16)}#`, match: 'regex', action: 'hold', locale: null },
  lexiconActions: communityLexiconActions('{}'),
  posts: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, body: `${'a'.repeat(9_999)}#`, title: null })),
  now: new Date(0).toISOString(),
};

describe('rule preview threads', () => {
  it(`run at most ${MAX_PREVIEW_THREADS} at once, and every queued preview still answers in full`, async () => {
    let running = 0;
    let most = 0;
    const outcomes = await Promise.all(
      Array.from({ length: MAX_PREVIEW_THREADS + 2 }, async () => {
        let started = false;
        const outcome = await runPreviewWorker(job, {
          deadlineMs: 60_000,
          onStarted: () => {
            started = true;
            running++;
            most = Math.max(most, running);
          },
        });
        if (started) running--;
        return outcome;
      }),
    );
    expect(most).toBe(MAX_PREVIEW_THREADS);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ scanned: 20, total: 20, partial: false });
  });
});
