// Runs the operator's admin CLI (npm run admin) as a child process against a test database.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs `tsx server/cli/admin.ts ...args` with DATABASE_URL set; resolves with its exit code and output. */
export function adminCli(args: string[], databaseUrl: string): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli/admin.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', RUKUN_ADMINS: '' }, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
        resolve({ status: code, output: `${stdout}${stderr}` });
      },
    );
  });
}
