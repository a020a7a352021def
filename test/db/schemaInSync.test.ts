import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMigration, EmptyMigrationError } from '../../server/db/migrations';
import { defaultMigrationsDir } from '../../server/db/migrationFiles';
import { tempDir } from '../helpers/tempDir';

describe('prisma/migrations', () => {
  it('holds every change of prisma/schema.prisma (otherwise run `npm run db:migration -- <name>`)', async () => {
    // Dry run on a copy: the diff is written there, never into the repository.
    const migrationsDir = join(tempDir(), 'migrations');
    cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
    const outcome = await createMigration({ name: 'missing', migrationsDir }).then(
      (created) => `schema changes without a migration:\n${created.sql}`,
      (err: unknown) => (err instanceof EmptyMigrationError ? 'in sync' : err),
    );
    expect(outcome).toBe('in sync');
  });
});
