// Per-connection settings the better-sqlite3 driver adapter has no option for, applied as it opens a connection:
// prepared statements kept and reused (the adapter prepares every statement anew; preparing was 8% of the app's busy
// time in bench:pipeline's profile), and transactions that take the write lock when they begin.
import Database from 'better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const MAX_STATEMENTS = 500;

/**
 * What the adapter does with `prepare(sql)` (@prisma/adapter-better-sqlite3 7.10): `.bind(args)` once, then `.run()`,
 * or `.reader`, `.columns()` and `.raw().all()`; `prepare('BEGIN').run()` without binding. A real statement can be
 * bound only once, so a cached one is handed out behind this facade, which passes the arguments on every call.
 * Statements run synchronously to the end, so one cached statement is never in use twice at a time.
 */
function facade(statement: Database.Statement) {
  return {
    reader: statement.reader,
    run: (...args: unknown[]) => statement.run(...args),
    bind: (args: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(args),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    }),
  };
}

/** Makes `db.prepare` reuse prepared statements by SQL text. */
export function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit) {
      // Map order is insertion order: re-inserting marks the statement as recently used.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > MAX_STATEMENTS) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return statement;
  };
  Object.assign(db, { prepare: (sql: string) => facade(cached(sql)) });
}

/**
 * Makes the adapter's transactions start with BEGIN IMMEDIATE instead of a deferred BEGIN. With a second writing
 * process (`npm run server` beside `npm run worker`), a deferred transaction takes its snapshot first and may then be
 * refused the write lock with SQLITE_BUSY_SNAPSHOT, or SQLITE_BUSY without the busy timeout being honoured, even when
 * its first statement writes (bench:pipeline --layout=split failed dozens of jobs a second that way). IMMEDIATE takes
 * the write lock up front and waits for it under the busy timeout. Every transaction here writes anyway.
 */
export function beginImmediate(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  Object.assign(db, { prepare: (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql) });
}

/** Wraps an adapter factory so that `setup` runs on each better-sqlite3 connection it opens, before any query. */
export function onEachConnection(
  factory: SqlMigrationAwareDriverAdapterFactory,
  setup: (db: Database.Database, adapter: SqlDriverAdapter) => void,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = await factory.connect();
      // The adapter keeps its connection in `client`; if a later version does not, setup is simply not applied.
      const client: unknown = (adapter as unknown as { client?: unknown }).client;
      if (client instanceof Database) setup(client, adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
