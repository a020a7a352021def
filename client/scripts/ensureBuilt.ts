// Builds the web client when client/dist is missing or older than its sources, so `npm start` on a fresh
// clone serves the app without a separate build step, and a restart costs nothing when nothing changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const index = join(root, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const sources = [join(root, 'src'), join(root, 'index.html'), join(root, 'vite.config.ts'), resolve(root, '..', 'server', 'contracts')];
const stale = !existsSync(index) || sources.some((s) => existsSync(s) && newestMtime(s) > statSync(index).mtimeMs);
if (stale) {
  console.log('Building the web client…');
  execFileSync(process.execPath, [resolve(root, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
}
