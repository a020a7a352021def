// Preloaded into an app process (`--import`) by `bench:pipeline --sql-trace`: counts every statement better-sqlite3
// prepares and times every execution, by SQL text, and writes both to SQL_TRACE_FILE on exit.
// Diagnostic only; never loaded in production.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Statement {
  source: string;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
}

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as { prototype: { prepare: (sql: string) => Statement } };
const stats = new Map<string, { prepared: number; executed: number; us: number }>();
const entry = (sql: string) => {
  let e = stats.get(sql);
  if (!e) stats.set(sql, (e = { prepared: 0, executed: 0, us: 0 }));
  return e;
};
const prepare = Database.prototype.prepare;
let patched = false;
Database.prototype.prepare = function tracedPrepare(this: unknown, sql: string) {
  entry(sql).prepared += 1;
  const statement = prepare.call(this, sql);
  if (!patched) {
    // Statement is not exported on its own: patch its prototype through the first instance.
    patched = true;
    const proto = Object.getPrototypeOf(statement) as Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = proto[method];
      proto[method] = function timed(this: Statement, ...args: unknown[]) {
        const t0 = process.hrtime.bigint();
        try {
          return original.apply(this, args);
        } finally {
          const e = entry(this.source);
          e.executed += 1;
          e.us += Number(process.hrtime.bigint() - t0) / 1000;
        }
      };
    }
  }
  return statement;
};
const file = process.env.SQL_TRACE_FILE;
process.on('exit', () => {
  if (!file) return;
  const rows = [...stats].map(([sql, e]) => ({ sql, ...e })).sort((a, b) => b.us - a.us);
  writeFileSync(file, JSON.stringify(rows, null, 1));
});
