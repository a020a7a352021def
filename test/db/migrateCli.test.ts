import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs prisma/migrate.ts the way the npm scripts do, against the given database. */
function migrateCli(args: string[], databaseUrl: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/migrate.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('prisma/migrate.ts', () => {
  it('status fails while migrations are pending, deploy applies them, then status passes', () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`;

    const before = migrateCli(['status'], url);
    expect(before.output).toMatch(/pending: \d{14}_init/);
    expect(before.status).toBe(1);

    const deploy = migrateCli(['deploy'], url);
    expect(deploy.output).toMatch(/Applied:\n\s+\d{14}_init/);
    expect(deploy.status).toBe(0);
    expect(migrateCli(['deploy'], url).output).toContain('No pending migrations.');

    const after = migrateCli(['status'], url);
    expect(after.output).toContain('is up to date');
    expect(after.status).toBe(0);
  });

  it('rejects an unknown command and a create without a name', () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`;
    expect(migrateCli(['migrate'], url).status).toBe(2);
    expect(migrateCli(['create'], url)).toMatchObject({ status: 2, output: expect.stringContaining('db:migration -- <name>') });
  });
});
