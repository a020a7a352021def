// Migrating once per run and copying the file per test file is much faster than migrating every database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../server/db/migrations';

/** Builds a fully migrated SQLite file in a new temporary folder and returns its folder and path. */
export async function buildTemplateDatabase(): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rukun-db-'));
  const path = join(dir, 'template.db');
  await applyMigrations({ url: `file:${path}` });
  return { dir, path };
}
