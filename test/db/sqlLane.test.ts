// The SQL lane shares Prisma's connection: its transactions must never run inside one Prisma has open, must roll
// back whole, and its rows must read back with plain numbers and Prisma's date format.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlDate } from '../../server/db/sqlLane';
import { inWriteTransaction } from '../../server/db/transaction';
import { freshDatabase } from '../helpers/database';

const database = freshDatabase();
afterAll(() => database.close());
const { prisma, sql } = database;

let n = 0;
const INSERT_USER = `INSERT INTO "User" (id, handle, email, displayName, passwordHash, locale, createdAt) VALUES (?, ?, ?, ?, 'x', 'id', ?)`;
const userValues = (handle: string) => [`lane-${handle}`, handle, `${handle}@example.test`, handle, sqlDate(new Date('2026-11-22T01:02:03.004Z'))] as const;
const handle = () => `lane${++n}`;

describe('the SQL lane', () => {
  it('rolls the whole transaction back when its work throws', async () => {
    const name = handle();
    await expect(
      sql.write((q) => {
        q.run(INSERT_USER, ...userValues(name));
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await prisma.user.findUnique({ where: { handle: name } })).toBeNull();
    // The connection is usable afterwards: no transaction was left open.
    await sql.write((q) => q.run(INSERT_USER, ...userValues(handle())));
  });

  it('commits writes asked for in the same turn together, and rolls back only the one that throws', async () => {
    const [first, failing, last] = [handle(), handle(), handle()];
    const results = await Promise.allSettled([
      sql.write((q) => q.run(INSERT_USER, ...userValues(first))),
      sql.write((q) => {
        q.run(INSERT_USER, ...userValues(failing));
        throw new Error('only this one');
      }),
      sql.write((q) => q.run(INSERT_USER, ...userValues(last))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('only this one'));
    const handles = (await prisma.user.findMany({ where: { handle: { in: [first, failing, last] } }, select: { handle: true } })).map((u) => u.handle);
    expect(handles.sort()).toEqual([first, last].sort());
    // Same-turn writes share one transaction: a unique violation in one leaves the others' rows in place.
    const dupe = handle();
    const pair = await Promise.allSettled([sql.write((q) => q.run(INSERT_USER, ...userValues(dupe))), sql.write((q) => q.run(INSERT_USER, ...userValues(dupe)))]);
    expect(pair.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await prisma.user.count({ where: { handle: dupe } })).toBe(1);
  });

  it('waits for an open Prisma transaction and stays out of it, even when that one rolls back', async () => {
    const inside = handle();
    const beside = handle();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const opened = new Promise<void>((resolve) => (entered = resolve));
    const prismaTx = inWriteTransaction(prisma, async (tx) => {
      await tx.user.create({ data: { handle: inside, email: `${inside}@example.test`, displayName: inside, passwordHash: 'x' } });
      entered();
      await held;
      throw new Error('rolled back on purpose');
    });
    await opened;
    let laneDone = false;
    const lane = sql.write((q) => q.run(INSERT_USER, ...userValues(beside))).then(() => (laneDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(laneDone).toBe(false);
    release();
    await expect(prismaTx).rejects.toThrow('rolled back on purpose');
    await lane;
    expect(await prisma.user.findUnique({ where: { handle: inside } })).toBeNull();
    expect(await prisma.user.findUnique({ where: { handle: beside } })).not.toBeNull();
  });

  it("waits for another connection's write lock without blocking the event loop, then writes", async () => {
    // Another process would hold the lock the same way; a second connection in this process shows that nothing
    // sleeps on the thread meanwhile, since it can only commit when the event loop runs.
    const other = new Database(database.url.replace(/^file:/, ''));
    other.exec('BEGIN IMMEDIATE');
    const name = handle();
    let settled = false;
    const write = sql.write((q) => q.run(INSERT_USER, ...userValues(name))).finally(() => (settled = true));
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    clearInterval(ticker);
    expect(settled).toBe(false);
    expect(ticks).toBeGreaterThan(10);
    other.exec('COMMIT');
    other.close();
    await expect(write).resolves.toBe(1);
    expect(await prisma.user.findUnique({ where: { handle: name } })).not.toBeNull();
  });

  it('reads integers as numbers and writes dates Prisma reads back', async () => {
    const name = handle();
    await sql.write((q) => q.run(INSERT_USER, ...userValues(name)));
    const row = await sql.read((q) => q.get<{ one: unknown }>('SELECT count(*) AS one FROM "User" WHERE handle = ?', name));
    expect(row?.one).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { handle: name } })).createdAt.toISOString()).toBe('2026-11-22T01:02:03.004Z');
  });

  it('runs many writers from both sides without losing or interleaving any', async () => {
    const names = Array.from({ length: 40 }, () => handle());
    await Promise.all(
      names.map((name, i) =>
        i % 2 === 0
          ? sql.write((q) => q.run(INSERT_USER, ...userValues(name)))
          : inWriteTransaction(prisma, (tx) => tx.user.create({ data: { handle: name, email: `${name}@example.test`, displayName: name, passwordHash: 'x' } })),
      ),
    );
    expect(await prisma.user.count({ where: { handle: { in: names } } })).toBe(names.length);
  });
});
