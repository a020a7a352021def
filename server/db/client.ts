// The one way to open Rukun's database: the generated client on the better-sqlite3 driver adapter.
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { ensureSqliteDirectory, sqliteFilePath } from './sqliteUrl';
import { beginImmediate, cacheStatements, onEachConnection } from './connectionSetup';
import { catchUpCheckpoint, disableAutoCheckpoint, startCheckpointer } from './checkpointer';
import { createSqlLane, type LaneConnection, type SqlLane } from './sqlLane';

/** The Prisma client type other modules depend on. */
export type Db = PrismaClient;

/** How long a connection waits on another writer's lock (SQLite busy timeout) before failing with P1008. */
const busyTimeoutMs = 5000;

/** Switches a file database to WAL once; the adapter sets no PRAGMAs itself and WAL persists in the file. */
function enableWal(path: string): void {
  const raw = new Database(path, { timeout: busyTimeoutMs });
  try {
    raw.pragma('journal_mode = WAL');
  } finally {
    raw.close();
  }
}

/** Opens the SQLite database at `url` (creating its folder): the Prisma client, the SQL lane on its connection, and a way to close both. */
export function createDatabase(options: { url: string; onCheckpointError?: (message: string) => void }): { prisma: Db; sql: SqlLane; close: () => Promise<void> } {
  ensureSqliteDirectory(options.url);
  const path = sqliteFilePath(options.url);
  // WAL lets readers run beside the writer. foreign_keys = ON and synchronous = NORMAL (under WAL) are
  // better-sqlite3's compiled-in defaults for every connection, so they need no PRAGMA here.
  if (path !== undefined) enableWal(path);
  // Checkpoints run on their own thread (server/db/checkpointer.ts), never inside a request's COMMIT.
  let connection: LaneConnection | null = null;
  const checkpointer =
    path === undefined
      ? null
      : startCheckpointer(path, {
          onCaughtUp: () => {
            if (connection) catchUpCheckpoint(connection.client);
          },
          ...(options.onCheckpointError ? { onError: options.onCheckpointError } : {}),
        });
  const adapter = onEachConnection(new PrismaBetterSqlite3({ url: options.url, timeout: busyTimeoutMs }), (client, opened) => {
    // Kept before the statement cache replaces `prepare` on the instance.
    const prepare = Database.prototype.prepare.bind(client);
    if (checkpointer) disableAutoCheckpoint(client);
    cacheStatements(client);
    beginImmediate(client);
    connection = { client, prepare, startTransaction: () => opened.startTransaction() };
  });
  const prisma = new PrismaClient({ adapter });
  const sql = createSqlLane(async () => {
    await prisma.$connect();
    return connection ?? Promise.reject(new Error('the SQLite adapter did not expose its connection'));
  }, { busyTimeoutMs });
  return {
    prisma,
    sql,
    close: async () => {
      await checkpointer?.stop();
      await prisma.$disconnect();
    },
  };
}
