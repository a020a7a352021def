// The offline dependency check of the release checklist: it passes on our lockfile and catches what it is for.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLockfile } from '../../server/cli/checkLockfile';

const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

/** A copy of package.json and the lockfile, changed by `edit`. */
interface Files {
  pkg: { dependencies: Record<string, string> };
  lock: { packages: Record<string, Record<string, unknown>> };
}

function tampered(edit: (files: Files) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rukun-lock-'));
  dirs.push(dir);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Files['pkg'];
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Files['lock'];
  edit({ pkg, lock });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the lockfile check', () => {
  it('finds nothing wrong with the lockfile we ship', () => {
    expect(checkLockfile(root).problems).toEqual([]);
  });

  it('refuses ranges, drift from package.json, missing hashes, other sources and unapproved install scripts', () => {
    const dir = tampered(({ pkg, lock }) => {
      pkg.dependencies.express = '^5.3.0';
      pkg.dependencies.zod = '0.0.1';
      const entry = (name: string) => lock.packages[`node_modules/${name}`] ?? {};
      delete entry('helmet').integrity;
      entry('cookie').resolved = 'https://evil.example/cookie.tgz';
      entry('pino').hasInstallScript = true;
    });
    const { problems } = checkLockfile(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^express: "\^5\.3\.0" is not one exact/),
        expect.stringMatching(/^zod: package\.json says 0\.0\.1/),
        'node_modules/helmet: no sha512 integrity hash',
        'node_modules/cookie: resolved from https://evil.example/cookie.tgz',
        expect.stringMatching(/^node_modules\/pino: runs an install script/),
      ]),
    );
  });
});
