// The database connection's own settings (server/db/connectionSetup.ts, added for bench:pipeline): it reuses
// prepared statements, which must behave like fresh ones (new arguments every time, after a failed statement, inside
// transactions that roll back, reads and writes alike), and its transactions hold the write lock from BEGIN on.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../server/db/sqliteUrl';
import { freshDatabase } from '../helpers/database';

const database = freshDatabase();
afterAll(() => database.close());
const db = database.prisma;

const user = (handle: string) => ({ handle, email: `${handle}@example.test`, displayName: handle, passwordHash: 'x' });

describe('prepared statements reused by the database connection', () => {
  it('bind new arguments on every run of the same SQL', async () => {
    const created = [];
    for (const handle of ['sc_a', 'sc_b', 'sc_c']) created.push(await db.user.create({ data: user(handle) }));
    for (const row of created) expect((await db.user.findUnique({ where: { id: row.id } }))?.handle).toBe(row.handle);
    expect((await db.user.findMany({ where: { handle: { in: ['sc_a', 'sc_c'] } }, orderBy: { handle: 'asc' } })).map((u) => u.handle)).toEqual(['sc_a', 'sc_c']);
  });

  it('keep working after a statement failed on a constraint', async () => {
    await db.user.create({ data: user('sc_dup') });
    await expect(db.user.create({ data: user('sc_dup') })).rejects.toMatchObject({ code: 'P2002' });
    const next = await db.user.create({ data: user('sc_after') });
    expect((await db.user.findUnique({ where: { id: next.id } }))?.handle).toBe('sc_after');
  });

  it('leave nothing behind from a transaction that rolled back, and commit the next one', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: user('sc_rolled_back') });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.user.findUnique({ where: { handle: 'sc_rolled_back' } })).toBeNull();
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: user('sc_committed') });
    });
    expect(await db.user.findUnique({ where: { handle: 'sc_committed' } })).not.toBeNull();
  });

  it('serve concurrent reads and writes of the same shapes', async () => {
    const handles = Array.from({ length: 30 }, (_, i) => `sc_many_${i}`);
    await Promise.all(handles.map((h) => db.user.create({ data: user(h) })));
    const found = await Promise.all(handles.map((h) => db.user.findUnique({ where: { handle: h }, select: { handle: true } })));
    expect(found.map((f) => f?.handle)).toEqual(handles);
    expect(await db.user.count({ where: { handle: { startsWith: 'sc_many_' } } })).toBe(30);
  });
});

describe('a transaction on the database connection', () => {
  it('holds the write lock from its start, so another process waits instead of failing half-way', async () => {
    const path = sqliteFilePath(database.url);
    if (path === undefined) throw new Error('expected a file database');
    const other = new Database(path, { timeout: 0 });
    try {
      let outside: string | null = null;
      await db.$transaction(async (tx) => {
        // A read only: with a deferred BEGIN nothing would be locked yet.
        await tx.user.count();
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
          outside = 'got the lock';
        } catch (err) {
          outside = (err as { code?: string }).code ?? String(err);
        }
      });
      expect(outside).toBe('SQLITE_BUSY');
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });
});
