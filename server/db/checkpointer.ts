// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever COMMIT crosses 1,000 WAL
// pages: that COMMIT copies the pages into the database file and fsyncs both files, synchronously, on the thread
// that serves requests, and every request and job waiting behind it pays for it (bench:pipeline's p99 at half load).
// Instead the app's connection never checkpoints, and a worker thread with its own connection runs PASSIVE
// checkpoints, which never wait for and never block the writer, a few times a second while the WAL grows.
//
// A PASSIVE checkpoint copies the frames that existed when it began. SQLite starts the WAL over from its beginning
// only when a write begins after a checkpoint that reached the end of the WAL, and under steady writes one pass
// rarely does: new frames arrive while it copies. So the thread runs a few more passes right away, each copying only
// what arrived during the one before, until one finds nothing new; the app's next write then starts the WAL over.
// Only when writes keep coming through every pass and the WAL has grown past catchUpFrames does the thread ask the
// app's connection, the only writer, to copy the last few frames itself between two of its own writes (3-6 ms of
// its event loop; it was asked after every pass at first, four times a second under load). Before, a TRUNCATE
// checkpoint held the write lock for 25-45 ms about once a second, and the writes waiting behind it were
// bench:pipeline's p99 at half load. TRUNCATE remains the last resort for a WAL that still grows: another process
// writing the same file (npm run server beside npm run worker) can keep both connections from ever reaching the end.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What SQLite truncates the WAL file to when it restarts it. */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

// Plain JavaScript: an eval'd worker is CommonJS and is not run through tsx. It opens its connection only once the
// WAL has grown past SQLite's own automatic threshold, and checkpoints only after the WAL changed: an idle database,
// or one that a migration holds in exclusive locking mode while the processes start, is left alone.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
let db = null;
let lastChange = 0;
const EXTRA_PASSES = 3;
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
      let [pass] = db.pragma('wal_checkpoint(PASSIVE)');
      // It copied every frame that was there when it began. Frames written meanwhile are copied by another, shorter
      // pass, while there are any: once a pass finds no new frame (or a WAL already started over), the whole WAL is
      // in the database file and the app's next write starts it over, with nothing left for the app's thread to do.
      for (let extra = 0; extra < EXTRA_PASSES && pass.busy === 0 && pass.checkpointed === pass.log; extra++) {
        const [again] = db.pragma('wal_checkpoint(PASSIVE)');
        if (again.log <= pass.log) {
          pass = null;
          break;
        }
        pass = again;
      }
      // Writes kept coming during every pass: past catchUpFrames the app's connection copies the last few itself.
      if (pass && pass.busy === 0 && pass.checkpointed === pass.log && pass.log >= workerData.catchUpFrames) parentPort.postMessage({ caughtUp: true });
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

/**
 * Frames (of 4 KiB pages) the WAL may hold before the app's own connection is asked to catch up: the thread's passes
 * usually start the WAL over by themselves, and a catch-up costs the event loop a few milliseconds.
 */
const CATCH_UP_FRAMES = WAL_SIZE_LIMIT_BYTES / 4096;

/** Past this size the WAL is checkpointed to its end and emptied, holding the write lock while it does. */
const TRUNCATE_BYTES = 64 * 1024 * 1024;

export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  thresholdBytes?: number;
  /** The app's connection is asked to catch up only once the WAL holds this many frames (the thread could not). */
  catchUpFrames?: number;
  truncateBytes?: number;
  /**
   * Runs on the app's thread when writes kept arriving through all of the thread's passes and the WAL holds
   * catchUpFrames or more: catchUpCheckpoint.
   */
  onCaughtUp?: () => void;
  /** Hears a failure other than busy. */
  onError?: (message: string) => void;
}

/** Turns automatic checkpoints off on `client` (the app's connection). */
export function disableAutoCheckpoint(client: Database.Database): void {
  client.pragma('wal_autocheckpoint = 0');
  client.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

/**
 * Copies into the database file, on the app's own connection, what was written since the thread's last pass, so
 * that the connection's next write starts the WAL over. Not inside a transaction (a Prisma interactive one is the
 * only kind that spans turns of the event loop), where SQLite refuses it: the thread's next pass asks again.
 */
export function catchUpCheckpoint(client: Database.Database): void {
  if (!client.inTransaction) client.pragma('wal_checkpoint(PASSIVE)');
}

/** Starts the checkpoint thread for the database file at `path`. */
export function startCheckpointer(path: string, options: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(THREAD, {
    eval: true,
    workerData: {
      driver,
      path,
      intervalMs: options.intervalMs ?? 250,
      thresholdBytes: options.thresholdBytes ?? THRESHOLD_BYTES,
      catchUpFrames: options.catchUpFrames ?? CATCH_UP_FRAMES,
      truncateBytes: options.truncateBytes ?? TRUNCATE_BYTES,
    },
  });
  // It must not keep a process alive that has nothing else left to do.
  thread.unref();
  thread.on('message', (message: { error?: string; caughtUp?: boolean }) => {
    if (message.error) options.onError?.(message.error);
    if (message.caughtUp) catchUp(options);
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

function catchUp(options: CheckpointerOptions): void {
  try {
    options.onCaughtUp?.();
  } catch (err) {
    // Busy: another connection is checkpointing, or another process holds a lock. The next pass asks again.
    const code = String((err as { code?: unknown }).code);
    if (!/SQLITE_(BUSY|LOCKED)/.test(code)) options.onError?.(err instanceof Error ? err.message : String(err));
  }
}
