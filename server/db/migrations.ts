// Apply, inspect and create Prisma migrations offline through the wasm schema engine (see prisma-offline.md).
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { sqliteFilePath } from './sqliteUrl';
import { engineErrorCode, noFilters, withSchemaEngine } from './schemaEngine';
import {
  defaultMigrationsDir,
  loadMigrationList,
  migrationTimestamp,
  readSchema,
  writeMigration,
} from './migrationFiles';

export interface MigrationPaths {
  migrationsDir?: string;
  schemaPath?: string;
}

export interface MigrationStatus {
  /** Migrations in the folder that the database has not run yet. */
  pending: string[];
  failed: string[];
  /** Applied migrations whose migration.sql changed since. */
  edited: string[];
  /** Set when the history cannot be fixed by applying: the database ran migrations the folder lacks. */
  problem?: string;
}

/** Thrown by createMigration when the schema already matches the migrations. */
export class EmptyMigrationError extends Error {
  constructor() {
    super('The schema has no changes since the last migration: nothing to create.');
    this.name = 'EmptyMigrationError';
  }
}

/**
 * Whether the engine failed because another connection had the database locked. The SQLite adapter reports
 * SQLITE_BUSY as a `SocketTimeout`, a kind the wasm engine cannot decode, so it surfaces as that variant's name.
 */
function lockedOut(err: unknown): boolean {
  return /SocketTimeout|SQLITE_BUSY|database is locked/.test(String(err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : err));
}

const LOCKED_ATTEMPTS = 8;

/**
 * The folder's migrations that the database has not finished, read from `_prisma_migrations` with a plain
 * connection. The schema engine takes the database in exclusive locking mode, which no other process may have open
 * meanwhile; this read takes no such lock, so processes can ask it while others run.
 */
export async function unfinishedMigrations(options: { url: string } & MigrationPaths): Promise<string[]> {
  return unfinishedOf(await loadMigrationList(options.migrationsDir), options.url);
}

function unfinishedOf(list: MigrationList, url: string): string[] {
  const names = list.migrationDirectories.map((dir) => dir.path);
  const path = sqliteFilePath(url);
  if (path === undefined || !existsSync(path)) return names;
  const db = new Database(path, { fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return names;
    const rows = db.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { name: string }[];
    const finished = new Set(rows.map((r) => r.name));
    return names.filter((name) => !finished.has(name));
  } finally {
    db.close();
  }
}

/**
 * Applies every pending migration to the database at `url` and returns the names it applied. With none pending the
 * engine is not started at all, so a restart never needs the database to itself. A worker process started beside
 * the server may still collide with the engine's first statements, which are refused at once rather than made to
 * wait: that is tried again.
 */
export async function applyMigrations(options: { url: string } & MigrationPaths): Promise<{ applied: string[] }> {
  const migrationsList = await loadMigrationList(options.migrationsDir);
  if (unfinishedOf(migrationsList, options.url).length === 0) return { applied: [] };
  const schema = await readSchema(options.schemaPath);
  for (let attempt = 1; ; attempt++) {
    try {
      const output = await withSchemaEngine({ url: options.url, schema }, (engine) =>
        engine.applyMigrations({ migrationsList, filters: noFilters }),
      );
      return { applied: output.appliedMigrationNames };
    } catch (err) {
      if (attempt >= LOCKED_ATTEMPTS || !lockedOut(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Compares the database's `_prisma_migrations` history with the migrations folder. */
export async function migrationStatus(options: { url: string } & MigrationPaths): Promise<MigrationStatus> {
  const migrationsList = await loadMigrationList(options.migrationsDir);
  const schema = await readSchema(options.schemaPath);
  return withSchemaEngine({ url: options.url, schema }, async (engine) => {
    try {
      const output = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilters });
      const status = { pending: [], failed: output.failedMigrationNames, edited: output.editedMigrationNames };
      const history = output.history;
      if (history === null) return status;
      if (history.diagnostic === 'databaseIsBehind') return { ...status, pending: history.unappliedMigrationNames };
      const unknown = history.unpersistedMigrationNames.join(', ');
      const pending = history.diagnostic === 'historiesDiverge' ? history.unappliedMigrationNames : [];
      return { ...status, pending, problem: `The database ran migrations missing from the folder: ${unknown}` };
    } catch (err) {
      // P1014: no _prisma_migrations table, i.e. this database was never migrated.
      if (engineErrorCode(err) !== 'P1014') throw err;
      return { pending: migrationsList.migrationDirectories.map((dir) => dir.path), failed: [], edited: [] };
    }
  });
}

/** Prisma-style folder suffix: lower snake case of what the developer typed. */
function migrationSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (slug === '') throw new Error('A migration needs a name, e.g. `npm run db:migration -- add_post_tags`');
  return slug;
}

/** SQL that turns the migrations' end state into the schema; replays the migrations on an in-memory shadow db. */
async function diffToSchema(migrationsList: MigrationList, schemaPath?: string): Promise<string> {
  const schema = await readSchema(schemaPath);
  const from = migrationsList.migrationDirectories.length === 0 ? { tag: 'empty' as const } : { tag: 'migrations' as const, ...migrationsList };
  const result = await withSchemaEngine({ url: ':memory:', schema }, (engine) =>
    engine.diff({ from, to: { tag: 'schemaDatamodel', files: [schema] }, script: true, exitCode: null, filters: noFilters }),
  );
  return result.stdout ?? '';
}

/** Writes `<timestamp>_<name>/migration.sql` with the schema's changes since the last migration; does not apply it. */
export async function createMigration(
  options: { name: string; now?: Date } & MigrationPaths,
): Promise<{ name: string; dir: string; sql: string }> {
  const slug = migrationSlug(options.name);
  const baseDir = options.migrationsDir ?? defaultMigrationsDir;
  const sql = await diffToSchema(await loadMigrationList(baseDir), options.schemaPath);
  if (sql.trim() === '' || sql.includes('-- This is an empty migration.')) throw new EmptyMigrationError();
  const name = `${migrationTimestamp(options.now ?? new Date())}_${slug}`;
  const dir = await writeMigration({ baseDir, folder: name, sql });
  return { name, dir, sql };
}
