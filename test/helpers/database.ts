// Each test file gets its own database, copied from the template the global setup migrated.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDatabase, type Db } from '../../server/db/client';
import type { SqlLane } from '../../server/db/sqlLane';

export interface TestDatabase {
  url: string;
  prisma: Db;
  sql: SqlLane;
  /** Disconnects and deletes the database file. */
  close: () => Promise<void>;
}

/** A migrated database of its own: a copy of the template, so no test re-runs migrations or shares rows. */
export function freshDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'rukun-test-db-'));
  const path = join(dir, 'test.db');
  copyFileSync(inject('templateDatabasePath'), path);
  const url = `file:${path}`;
  const database = createDatabase({ url });
  const close = async (): Promise<void> => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, prisma: database.prisma, sql: database.sql, close };
}
