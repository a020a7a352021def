import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { catchUpCheckpoint, disableAutoCheckpoint, startCheckpointer } from '../../server/db/checkpointer';
import { createDatabase } from '../../server/db/client';
import { freshDatabase } from '../helpers/database';
import { tempDir } from '../helpers/tempDir';
import { sqlDate } from '../../server/db/sqlLane';
import { waitUntil } from '../reliability/support/waitUntil';

const database = freshDatabase();
afterAll(() => database.close());

/** Reads a PRAGMA through the Prisma connection itself: several of them are per connection. */
async function pragma(name: string): Promise<unknown> {
  const rows = await database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return Object.values(rows[0] ?? {})[0];
}

describe('createDatabase', () => {
  it('runs in WAL mode with foreign keys enforced, synchronous NORMAL and a 5 s busy timeout', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(Number(await pragma('foreign_keys'))).toBe(1);
    expect(Number(await pragma('synchronous'))).toBe(1);
    expect(Number(await pragma('busy_timeout'))).toBe(5000);
  });

  it('rejects a row whose foreign key points nowhere', async () => {
    const write = database.prisma.session.create({
      data: { userId: 'missing', tokenHash: 'x', expiresAt: new Date() },
    });
    await expect(write).rejects.toMatchObject({ code: 'P2003' });
  });

  it('creates the folder of a file URL that does not exist yet', async () => {
    const path = join(tempDir(), 'a', 'b', 'db.sqlite');
    const { prisma, close } = createDatabase({ url: `file:${path}` });
    try {
      await expect(prisma.$queryRawUnsafe('SELECT 1 AS one')).resolves.toEqual([{ one: 1n }]);
      expect(existsSync(path)).toBe(true);
    } finally {
      await close();
    }
  });

  it('never checkpoints inside a COMMIT: a thread of its own copies the WAL into the database file', async () => {
    expect(Number(await pragma('wal_autocheckpoint'))).toBe(0);
    const file = database.url.replace(/^file:/, '');
    const sizeBefore = statSync(file).size;
    // About 6 MB of rows, past SQLite's usual threshold: they reach the database file only through a checkpoint.
    const at = sqlDate(new Date());
    await database.sql.write((q) => {
      for (let i = 0; i < 1500; i++) {
        q.run(`INSERT INTO "User" (id, handle, email, displayName, passwordHash, locale, createdAt) VALUES (?, ?, ?, ?, 'x', 'id', ?)`, `wal-${i}`, `wal${i}`, `wal${i}@example.test`, 'x'.repeat(4000), at);
      }
      return null;
    });
    await waitUntil('the checkpoint thread to copy the WAL into the database file', async () => (statSync(file).size > sizeBefore + 4_000_000 ? true : undefined));
  });

  it('empties a WAL that writes kept growing', async () => {
    const { path, db, insert } = walDatabase('wal.db');
    const checkpointer = startCheckpointer(path, { intervalMs: 20, truncateBytes: 5_000_000 });
    try {
      db.transaction(() => {
        for (let i = 0; i < 1500; i++) insert.run('y'.repeat(4000));
      })();
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(5_000_000);
      await waitUntil('the WAL to be checkpointed to its end and emptied', async () => (statSync(`${path}-wal`).size === 0 ? true : undefined));
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1500 });
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('starts the WAL over while writes never pause, without holding the write lock', async () => {
    const { path, db, insert } = walDatabase('steady.db');
    const commit = db.transaction(() => {
      for (let i = 0; i < 4; i++) insert.run('z'.repeat(1000));
    });
    // No TRUNCATE, and a commit in every turn outruns the thread's passes: only the catch-up on this connection, asked
    // for whenever the passes could not finish (catchUpFrames 0), can let the WAL start over.
    const checkpointer = startCheckpointer(path, { intervalMs: 20, thresholdBytes: 1_000_000, catchUpFrames: 0, truncateBytes: Number.MAX_SAFE_INTEGER, onCaughtUp: () => catchUpCheckpoint(db) });
    try {
      const first = walRestarts(path);
      let written = 0;
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && walRestarts(path) < first + 3) {
        commit();
        written += 4;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(walRestarts(path)).toBeGreaterThanOrEqual(first + 3);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: written });
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('starts the WAL over by itself under steady writes, asking the app connection for nothing', async () => {
    const { path, db, insert } = walDatabase('paced.db');
    const commit = db.transaction(() => {
      for (let i = 0; i < 8; i++) insert.run('z'.repeat(1000));
    });
    let asked = 0;
    // No TRUNCATE, and a catch-up request would only be counted: the thread's own passes must reach the end.
    const checkpointer = startCheckpointer(path, { intervalMs: 20, thresholdBytes: 200_000, truncateBytes: Number.MAX_SAFE_INTEGER, onCaughtUp: () => void (asked += 1) });
    try {
      commit();
      const first = walRestarts(path);
      const deadline = Date.now() + 5000;
      // A commit every millisecond or so, as under a steady load: a single pass, which copies what 20 ms of writes
      // left, is nearly always overtaken by the next commit; the short passes after it are not.
      while (Date.now() < deadline && walRestarts(path) < first + 3) {
        commit();
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(walRestarts(path)).toBeGreaterThanOrEqual(first + 3);
      expect(asked).toBe(0);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('restarts the WAL under steady writes through the lane, as createDatabase wires the thread and the catch-up', async () => {
    const path = database.url.replace(/^file:/, '');
    const first = walRestarts(path);
    const at = sqlDate(new Date());
    let n = 0;
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline && walRestarts(path) < first + 2) {
      await database.sql.write((q) => {
        for (let i = 0; i < 4; i++, n++) {
          q.run(`INSERT INTO "User" (id, handle, email, displayName, passwordHash, locale, createdAt) VALUES (?, ?, ?, ?, 'x', 'id', ?)`, `steady-${n}`, `steady${n}`, `steady${n}@example.test`, 'x'.repeat(1000), at);
        }
        return null;
      });
    }
    expect(walRestarts(path)).toBeGreaterThanOrEqual(first + 2);
  });

  it('lets a process with nothing else open finish its shutdown after stopping the thread', () => {
    const path = join(tempDir(), 'exit.db');
    const script = `
      import Database from 'better-sqlite3';
      import { startCheckpointer } from ${JSON.stringify(join(process.cwd(), 'server/db/checkpointer.ts'))};
      const db = new Database(${JSON.stringify(path)});
      db.pragma('journal_mode = WAL');
      db.close();
      const checkpointer = startCheckpointer(${JSON.stringify(path)});
      await checkpointer.stop();
      console.log('after stop');
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('after stop');
  });
});

/** A database file in WAL mode with automatic checkpoints off, as the app's connection has it, and one table. */
function walDatabase(name: string): { path: string; db: Database.Database; insert: Database.Statement } {
  const path = join(tempDir(), name);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  disableAutoCheckpoint(db);
  db.exec('CREATE TABLE t (x TEXT)');
  return { path, db, insert: db.prepare('INSERT INTO t (x) VALUES (?)') };
}

/** The WAL header's checkpoint sequence number: SQLite adds one every time it starts the WAL over. */
function walRestarts(path: string): number {
  const fd = openSync(`${path}-wal`, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}
