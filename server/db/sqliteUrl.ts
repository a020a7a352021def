// SQLite URLs as the better-sqlite3 adapter reads them: `file:` stripped, the rest is a path relative to the cwd.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The file a SQLite URL points at, or undefined for an in-memory database. */
export function sqliteFilePath(url: string): string | undefined {
  const path = url.replace(/^file:/, '');
  if (path === '' || path === ':memory:') return undefined;
  return resolve(path);
}

/** Creates the parent directory of a file database, since SQLite creates the file but not its folder. */
export function ensureSqliteDirectory(url: string): void {
  const path = sqliteFilePath(url);
  if (path !== undefined) mkdirSync(dirname(path), { recursive: true });
}

/** The database used when DATABASE_URL is unset; prisma.config.ts names the same file. */
export const defaultDatabaseUrl = 'file:./data/rukun.db';
