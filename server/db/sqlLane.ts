// Hand-written SQL on the very connection Prisma's adapter uses, for the statements every post pays: who is asking,
// their role, writing the post, checking it and presenting it. Through Prisma a statement costs 0.3-1 ms of CPU; a
// prepared better-sqlite3 statement about 5 µs (bench/README.md, "Where the time goes"). Everything else stays on
// Prisma. Sharing the connection matters: a second connection in the same process would wait synchronously on
// the write lock an interactive Prisma transaction holds across awaits, and that transaction could never finish.
import type Database from 'better-sqlite3';
import { isSqliteBusy } from './errors';

/** A value SQLite takes as a parameter. */
export type SqlValue = string | number | bigint | null | Buffer;

/** Synchronous access to the connection inside one read or write. */
export interface SqlRunner {
  get<T>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  run(sql: string, ...params: SqlValue[]): number;
}

export interface SqlLane {
  /** Runs synchronous reads. Inside an open Prisma transaction they see its writes, as Prisma's own reads do. */
  read<T>(work: (q: SqlRunner) => T): Promise<T>;
  /**
   * Runs synchronous work in a transaction, never inside Prisma's: the writes of one event-loop turn commit together,
   * each in its own savepoint, so work that throws rolls back alone and rejects while the others commit (unless the
   * error ends the whole transaction, or COMMIT fails: then all of them reject and none is written).
   */
  write<T>(work: (q: SqlRunner) => T): Promise<T>;
}

/** The adapter's connection and its way of waiting for the transaction lock (startTransaction takes its mutex). */
export interface LaneConnection {
  client: Database.Database;
  /** Prepares without the adapter's statement cache facade, which expects its own calling convention. */
  prepare: (sql: string) => Database.Statement;
  startTransaction: () => Promise<{ commit(): Promise<void> }>;
}

/** Prisma's DateTime as the SQLite adapter stores it (ISO 8601, "+00:00"), so range comparisons in SQL hold. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** A stored DateTime column back to a Date. */
export function fromSqlDate(value: string): Date;
export function fromSqlDate(value: string | null): Date | null;
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

function runnerFor(prepare: (sql: string) => Database.Statement): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  // The adapter turns safe integers on for the connection; hand-written rows use plain numbers.
  const statement = (sql: string): Database.Statement => {
    let found = statements.get(sql);
    if (!found) {
      found = prepare(sql);
      if (found.reader) found.safeIntegers(false);
      statements.set(sql, found);
    }
    return found;
  };
  return {
    get: <T>(sql: string, ...params: SqlValue[]) => statement(sql).get(...params) as T | undefined,
    all: <T>(sql: string, ...params: SqlValue[]) => statement(sql).all(...params) as T[],
    run: (sql: string, ...params: SqlValue[]) => statement(sql).run(...params).changes,
  };
}

interface PendingWrite {
  work: (q: SqlRunner) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  /** When it was asked for (performance.now()): it waits for another process's write lock this long at most. */
  since: number;
}

/** The transaction statements of a flush, prepared once: a string passed to `exec` is parsed again every time. */
interface ControlStatements {
  noBusyWait: Database.Statement;
  busyWait: Database.Statement;
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
  savepoint: Database.Statement;
  release: Database.Statement;
  rollbackToSavepoint: Database.Statement;
}

function prepareControl(prepare: (sql: string) => Database.Statement, busyTimeoutMs: number): ControlStatements {
  return {
    noBusyWait: prepare('PRAGMA busy_timeout = 0'),
    busyWait: prepare(`PRAGMA busy_timeout = ${busyTimeoutMs}`),
    begin: prepare('BEGIN IMMEDIATE'),
    commit: prepare('COMMIT'),
    rollback: prepare('ROLLBACK'),
    savepoint: prepare('SAVEPOINT lane_write'),
    release: prepare('RELEASE lane_write'),
    rollbackToSavepoint: prepare('ROLLBACK TO lane_write'),
  };
}

/**
 * BEGIN IMMEDIATE without SQLite's busy handler, which would sleep on this thread, blocking every request and job of
 * the process, while another process (`npm run server` beside `npm run worker`) holds the write lock. False when the
 * lock is taken: the caller tries again a moment later without blocking the event loop.
 */
function tryBeginImmediate(control: ControlStatements): boolean {
  control.noBusyWait.run();
  try {
    control.begin.run();
    return true;
  } catch (err) {
    if (isSqliteBusy(err)) return false;
    throw err;
  } finally {
    control.busyWait.run();
  }
}

/**
 * Builds the lane over the connection `connect` resolves to (Prisma opens it lazily, on its first query).
 *
 * Writes are group-committed: every write asked for during one turn of the event loop runs in one BEGIN IMMEDIATE …
 * COMMIT, each inside its own SAVEPOINT so that one that throws rolls back alone. A commit appends every page it
 * dirtied to the WAL; posts written together share the same index leaf pages, so under load one commit for many
 * posts writes a fraction of the pages that one commit each would (bench/README.md, "Group commit"). Nothing is
 * acknowledged before its COMMIT; a lone write waits only for the end of the current turn (setImmediate).
 */
export function createSqlLane(connect: () => Promise<LaneConnection>, options: { busyTimeoutMs: number }): SqlLane {
  const { busyTimeoutMs } = options;
  let ready: Promise<{ connection: LaneConnection; q: SqlRunner; control: ControlStatements }> | null = null;
  const open = () =>
    (ready ??= connect().then((connection) => ({
      connection,
      q: runnerFor(connection.prepare),
      control: prepareControl(connection.prepare, busyTimeoutMs),
    })));

  let pending: PendingWrite[] = [];
  let scheduled = false;

  /** Runs a batch synchronously inside an open transaction and commits; returns each write's settlement. */
  const runBatch = (client: Database.Database, q: SqlRunner, control: ControlStatements, batch: PendingWrite[]) => {
    const settled: { ok: boolean; value: unknown }[] = [];
    try {
      if (batch.length === 1) {
        settled.push({ ok: true, value: (batch[0] as PendingWrite).work(q) });
      } else {
        for (const write of batch) {
          control.savepoint.run();
          try {
            settled.push({ ok: true, value: write.work(q) });
            control.release.run();
          } catch (err) {
            // Some errors (a full disk, an I/O error) end the whole transaction: then every write fails with it.
            if (!client.inTransaction) throw err;
            control.rollbackToSavepoint.run();
            control.release.run();
            settled.push({ ok: false, value: err });
          }
        }
      }
      control.commit.run();
      return settled;
    } catch (err) {
      if (client.inTransaction) control.rollback.run();
      throw err;
    }
  };

  /** Flushes after this turn (`retryInMs` absent) or after a pause while another process holds the lock. */
  const schedule = (retryInMs?: number) => {
    if (scheduled) return;
    scheduled = true;
    // After this turn's I/O callbacks and their promise chains, so every write they ask for joins the batch.
    if (retryInMs === undefined) setImmediate(() => void flush());
    else setTimeout(() => void flush(), retryInMs);
  };

  /** Another process holds the write lock: the batch waits without blocking, until its oldest write has waited too long. */
  const waitForLock = (batch: PendingWrite[]) => {
    const now = performance.now();
    const expired = batch.filter((write) => now - write.since >= busyTimeoutMs);
    if (expired.length) {
      const err = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      for (const write of expired) write.reject(err);
    }
    pending = batch.filter((write) => now - write.since < busyTimeoutMs).concat(pending);
    // Short pauses first (another process's transactions last a few milliseconds), longer ones for a long hold.
    const waited = now - Math.min(...pending.map((write) => write.since));
    if (pending.length) schedule(Math.min(20, Math.max(1, Math.round(waited / 4))));
  };

  const flush = async () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    let settled: { ok: boolean; value: unknown }[];
    try {
      const { connection, q, control } = await open();
      const { client } = connection;
      if (!client.inTransaction) {
        if (!tryBeginImmediate(control)) {
          waitForLock(batch);
          return;
        }
        // Synchronous from BEGIN to COMMIT: nothing else on this connection can run in between.
        settled = runBatch(client, q, control, batch);
      } else {
        // A Prisma transaction is open across awaits: queue behind it on the adapter's own lock, which begins ours.
        const held = await connection.startTransaction();
        try {
          settled = runBatch(client, q, control, batch);
        } finally {
          await held.commit();
        }
      }
    } catch (err) {
      // COMMIT failed, or the transaction ended under the batch: nothing of it was written.
      for (const write of batch) write.reject(err);
      return;
    }
    batch.forEach((write, i) => {
      const outcome = settled[i] as { ok: boolean; value: unknown };
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.value);
    });
  };

  return {
    read: async (work) => {
      const { q } = await open();
      return work(q);
    },
    write: <T>(work: (q: SqlRunner) => T): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject, since: performance.now() });
        schedule();
      }),
  };
}
