import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, createMigration, EmptyMigrationError, migrationStatus, unfinishedMigrations } from '../../server/db/migrations';
import { defaultMigrationsDir, defaultSchemaPath } from '../../server/db/migrationFiles';
import { tempDir } from '../helpers/tempDir';

const repoMigrations = readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A copy of the repository's migrations, so tests that write migrations never touch prisma/migrations. */
function copyOfMigrations(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

function appliedRows(path: string): { migration_name: string; finished_at: string | null }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name').all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe('applyMigrations', () => {
  it('applies every migration to an empty database, then nothing the second time', async () => {
    const path = join(tempDir(), 'nested', 'db.sqlite');
    expect(repoMigrations.some((name) => name.endsWith('_init'))).toBe(true);

    expect(await applyMigrations({ url: `file:${path}` })).toEqual({ applied: repoMigrations });
    expect(await applyMigrations({ url: `file:${path}` })).toEqual({ applied: [] });

    const rows = appliedRows(path);
    expect(rows.map((row) => row.migration_name)).toEqual(repoMigrations);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('reports why the database cannot be opened instead of an opaque engine error id', async () => {
    // A folder is not a database file: the message says so, not an opaque engine error id.
    await expect(applyMigrations({ url: `file:${tempDir()}` })).rejects.toThrow(/unable to open database file/);
  });
});

describe('migrationStatus', () => {
  it('lists every migration as pending on a database never migrated, and none once applied', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`;
    expect(await migrationStatus({ url })).toEqual({ pending: repoMigrations, failed: [], edited: [] });
    await applyMigrations({ url });
    expect(await migrationStatus({ url })).toEqual({ pending: [], failed: [], edited: [] });
  });

  it('reports a migration edited after it was applied', async () => {
    const migrationsDir = copyOfMigrations();
    const url = `file:${join(tempDir(), 'db.sqlite')}`;
    await applyMigrations({ url, migrationsDir });
    const first = repoMigrations[0] ?? '';
    appendFileSync(join(migrationsDir, first, 'migration.sql'), '\n-- edited\n');
    expect((await migrationStatus({ url, migrationsDir })).edited).toEqual([first]);
  });

  it('reports a migration that failed half-way, which then blocks further applies', async () => {
    const migrationsDir = copyOfMigrations();
    const broken = '29990101000000_broken';
    mkdirSync(join(migrationsDir, broken));
    writeFileSync(join(migrationsDir, broken, 'migration.sql'), 'CREATE TABLE "Half" ("a" INTEGER);\nALTER TABLE "Missing" ADD COLUMN "b" INTEGER;\n');
    const url = `file:${join(tempDir(), 'db.sqlite')}`;

    await expect(applyMigrations({ url, migrationsDir })).rejects.toThrow(/Missing/);
    expect(await migrationStatus({ url, migrationsDir })).toMatchObject({ pending: [], failed: [broken] });
    await expect(applyMigrations({ url, migrationsDir })).rejects.toMatchObject({ code: 'P3009' });
  });
});

describe('createMigration', () => {
  it('refuses when the schema has not changed since the last migration, writing nothing', async () => {
    // Built from the current schema rather than the repository's folder, so the test does not depend on whether
    // someone's schema edit already has its migration (schemaInSync.test.ts checks that).
    const migrationsDir = join(tempDir(), 'migrations');
    const first = await createMigration({ name: 'init', migrationsDir });
    await expect(createMigration({ name: 'nothing', migrationsDir })).rejects.toBeInstanceOf(EmptyMigrationError);
    expect(readdirSync(migrationsDir).sort()).toEqual([first.name, 'migration_lock.toml']);
  });

  it('writes the schema change as a new migration that applies after the others', async () => {
    const migrationsDir = join(tempDir(), 'migrations');
    const first = await createMigration({ name: 'init', migrationsDir, now: new Date('2000-01-01T00:00:00Z') });
    const schemaPath = join(tempDir(), 'schema.prisma');
    writeFileSync(schemaPath, `${readFileSync(defaultSchemaPath, 'utf8')}\nmodel Probe {\n  id String @id\n}\n`);
    const now = new Date('2999-01-02T03:04:05Z');

    const created = await createMigration({ name: 'Add probe!', migrationsDir, schemaPath, now });

    expect(created.name).toBe('29990102030405_add_probe');
    expect(readFileSync(join(created.dir, 'migration.sql'), 'utf8')).toMatch(/^CREATE TABLE "Probe"/m);
    const url = `file:${join(tempDir(), 'db.sqlite')}`;
    expect((await applyMigrations({ url, migrationsDir, schemaPath })).applied).toEqual([first.name, created.name]);
    await expect(createMigration({ name: 'again', migrationsDir, schemaPath })).rejects.toBeInstanceOf(EmptyMigrationError);
  });

  it('starts an empty migrations folder with the sqlite lockfile', async () => {
    const migrationsDir = join(tempDir(), 'migrations');
    const created = await createMigration({ name: 'init', migrationsDir });
    expect(readFileSync(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "sqlite"');
    expect(readFileSync(join(created.dir, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "User"');
  });
});

describe('unfinishedMigrations', () => {
  it('reads what is left to apply without the schema engine, and applyMigrations then skips the engine', async () => {
    const path = join(tempDir(), 'db.sqlite');
    const url = `file:${path}`;
    expect(await unfinishedMigrations({ url })).toEqual(repoMigrations);
    await applyMigrations({ url });
    expect(await unfinishedMigrations({ url })).toEqual([]);

    // A later migration in the folder is reported, and nothing else.
    const migrationsDir = copyOfMigrations();
    mkdirSync(join(migrationsDir, '29991231000000_later'));
    writeFileSync(join(migrationsDir, '29991231000000_later', 'migration.sql'), 'CREATE TABLE "Later" (id TEXT PRIMARY KEY);\n');
    expect(await unfinishedMigrations({ url, migrationsDir })).toEqual(['29991231000000_later']);

    // Nothing pending: the engine, which wants the database to itself, is not started, so another process's
    // open write transaction does not stand in the way of a restart.
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(await applyMigrations({ url })).toEqual({ applied: [] });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
