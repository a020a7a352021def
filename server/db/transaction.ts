// Interactive transactions that are safe on SQLite with more than one writing process: starting with a write takes
// the write lock up front, so a read-then-write transaction cannot fail with SQLITE_BUSY half-way (prisma-offline.md).
import type { Db } from './client';
import type { Prisma } from './generated/client';

export type Tx = Prisma.TransactionClient;

/** Runs `work` in one transaction that holds the write lock from its first statement. */
export function inWriteTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('UPDATE "Community" SET "id" = "id" WHERE 0');
      return work(tx);
    },
    // Transactions queue in-process behind one connection; under load the wait, not the work, is long.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
