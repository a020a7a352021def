// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever COMMIT crosses 1,000 WAL
// pages: that COMMIT copies the pages into the database file and fsyncs both files, synchronously, on the thread
// that serves requests, and every request and job waiting behind it pays for it (bench:pipeline's p99 at half load).
// Instead the app's connection never checkpoints, and a worker thread with its own connection runs PASSIVE
// checkpoints, which never wait for and never block the writer, a few times a second while the WAL grows.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What SQLite truncates the WAL file to when it restarts it. */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

// Plain JavaScript: an eval'd worker is CommonJS and is not run through tsx. It opens its connection only once the
// WAL has grown past SQLite's own automatic threshold, and checkpoints only after the WAL changed: an idle database,
// or one that a migration holds in exclusive locking mode while the processes start, is left alone.
//
// A PASSIVE checkpoint copies the frames that existed when it began; under steady writes it never catches up with
// the end of the WAL, and SQLite restarts the WAL from its beginning only after a checkpoint that did. So once the
// file passes a limit, one TRUNCATE checkpoint takes the write lock briefly (the app's writes wait for it without
// blocking, server/db/sqlLane.ts), copies the rest and empties the file.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
let db = null;
let lastChange = 0;
const timer = setInterval(() => {
  let wal;
  try {
    wal = statSync(workerData.path + '-wal');
  } catch {
    return;
  }
  if (wal.size < workerData.thresholdBytes || wal.mtimeMs === lastChange) return;
  try {
    db ??= new Database(workerData.path, { timeout: 0 });
    if (wal.size >= workerData.truncateBytes) {
      db.pragma('busy_timeout = 200');
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.pragma('busy_timeout = 0');
      }
    } else {
      db.pragma('wal_checkpoint(PASSIVE)');
    }
    lastChange = wal.mtimeMs;
  } catch (err) {
    // Busy or locked: the next round catches up. Anything else is reported once and the thread stops.
    if (!/SQLITE_(BUSY|LOCKED)/.test(String(err && err.code))) {
      parentPort.postMessage({ error: String(err && err.message) });
      clearInterval(timer);
    }
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db?.close();
  parentPort.close();
});
`;

/** SQLite's automatic checkpoint threshold: 1,000 pages of 4 KiB. */
const THRESHOLD_BYTES = 1000 * 4096;

/** Past this size the WAL is checkpointed to its end and emptied. */
const TRUNCATE_BYTES = 32 * 1024 * 1024;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Turns automatic checkpoints off on `client` (the app's connection). */
export function disableAutoCheckpoint(client: Database.Database): void {
  client.pragma('wal_autocheckpoint = 0');
  client.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

/** Starts the checkpoint thread for the database file at `path`; `onError` hears a failure other than busy. */
export function startCheckpointer(path: string, options: { intervalMs?: number; truncateBytes?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(THREAD, { eval: true, workerData: { driver, path, intervalMs: options.intervalMs ?? 250, thresholdBytes: THRESHOLD_BYTES, truncateBytes: options.truncateBytes ?? TRUNCATE_BYTES } });
  // It must not keep a process alive that has nothing else left to do.
  thread.unref();
  thread.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  thread.on('error', (err) => options.onError?.(err.message));
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Referenced while it winds down: otherwise a process with nothing else open would exit mid-shutdown.
      thread.ref();
      thread.postMessage('stop');
      await exited;
    },
  };
}
