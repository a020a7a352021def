// An offline check of what `npm ci` would install, for machines where `npm audit` cannot reach the advisory
// database: every dependency pinned to one version, the lockfile in step with package.json, every installed package
// verified by a sha512 integrity hash, and install scripts (code run at install time) only from packages we chose.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Packages allowed to run scripts at install time, and why we accept it. */
export const INSTALL_SCRIPTS_ALLOWED: Record<string, string> = {
  'better-sqlite3': 'compiles the SQLite driver (node-gyp) when no prebuilt binary can be downloaded',
  'msgpackr-extract': "BullMQ's optional native msgpack speed-up; falls back to JavaScript",
  esbuild: 'Vite and tsx: checks its platform binary package',
  prisma: 'checks the Node.js version',
  '@prisma/engines': 'Prisma: engines are not downloaded here (the WebAssembly schema engine is used)',
};

interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  link?: boolean;
  optional?: boolean;
  dev?: boolean;
  hasInstallScript?: boolean;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface LockfileReport {
  problems: string[];
  /** Optional packages for other platforms: npm records no hash for them until they are installed somewhere. */
  unverifiedOptional: string[];
  production: number;
  total: number;
}

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Checks package.json and package-lock.json in a directory; returns every problem at once. */
export function checkLockfile(dir: string): LockfileReport {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(resolve(dir, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };
  const problems: string[] = [];
  const unverifiedOptional: string[] = [];
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion ${lock.lockfileVersion}, expected 3`);
  for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!EXACT.test(spec)) problems.push(`${name}: "${spec}" is not one exact registry version`);
    const installed = lock.packages[`node_modules/${name}`];
    if (installed?.version !== spec) problems.push(`${name}: package.json says ${spec}, the lockfile has ${installed?.version ?? 'nothing'}`);
  }
  let production = 0;
  let total = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    total++;
    if (!entry.dev) production++;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (entry.link) problems.push(`${path}: a link to local files`);
    else if (entry.resolved && !entry.resolved.startsWith('https://registry.npmjs.org/')) problems.push(`${path}: resolved from ${entry.resolved}`);
    if (!entry.link && !entry.integrity?.startsWith('sha512-')) {
      if (entry.optional) unverifiedOptional.push(path);
      else problems.push(`${path}: no sha512 integrity hash`);
    }
    if (entry.hasInstallScript && !(name in INSTALL_SCRIPTS_ALLOWED)) problems.push(`${path}: runs an install script and is not in INSTALL_SCRIPTS_ALLOWED`);
  }
  return { problems, unverifiedOptional, production, total };
}

/** Prints the report; exits 1 when there is a problem. */
function main(): void {
  const report = checkLockfile(process.cwd());
  console.log(`${report.total} packages in the lockfile, ${report.production} of them installed for production.`);
  if (report.unverifiedOptional.length) {
    console.log(`Optional packages for other platforms, without a hash until installed there: ${report.unverifiedOptional.join(', ')}`);
  }
  for (const problem of report.problems) console.error(`problem: ${problem}`);
  if (report.problems.length) process.exit(1);
  console.log('Every dependency is pinned, hashed, and only approved packages run install scripts.');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
