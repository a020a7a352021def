// Load shapes and statistics: closed loops (N workers as fast as they can) and open loops (a fixed arrival rate,
// so a slow system cannot hide latency by slowing the sender down).

/** The p-th percentile (0..100) of already sorted numbers, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** p50/p90/p99/max of latencies in milliseconds. */
export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Runs `task(worker, i)` in `concurrency` loops until `durationMs` has passed; returns how many completed. */
export async function closedLoop(options: { concurrency: number; durationMs: number; task: (worker: number) => Promise<void> }): Promise<{ completed: number; failed: number; elapsedMs: number }> {
  const started = performance.now();
  const until = started + options.durationMs;
  let completed = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        try {
          await options.task(worker);
          completed += 1;
        } catch {
          failed += 1;
        }
      }
    }),
  );
  return { completed, failed, elapsedMs: performance.now() - started };
}

/** Starts `task(i)` at `ratePerSecond` for `durationMs` without waiting for earlier ones; resolves when all settled. */
export async function openLoop(options: { ratePerSecond: number; durationMs: number; task: (i: number) => Promise<void> }): Promise<{ started: number; failed: number }> {
  const intervalMs = 1000 / options.ratePerSecond;
  const total = Math.floor((options.durationMs / 1000) * options.ratePerSecond);
  const startedAt = performance.now();
  const running: Promise<void>[] = [];
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const due = startedAt + i * intervalMs;
    const wait = due - performance.now();
    // Timers are coarse (1 ms); send whatever is due in a burst rather than drift behind the schedule.
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(options.task(i).catch(() => void (failed += 1)));
  }
  await Promise.all(running);
  return { started: total, failed };
}

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
