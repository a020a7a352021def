// Prisma's schema engine as WebAssembly, driven through the better-sqlite3 driver adapter. The native engine is
// downloaded from Prisma's binaries host, which is unreachable here, so migrations run through this instead.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { ensureSqliteDirectory } from './sqliteUrl';

export type { SchemaEngine };

/** Filters every engine call takes; Rukun manages no external tables. */
export const noFilters = { externalTables: [], externalEnums: [] };

let ready: Promise<void> | undefined;

/** Instantiates the wasm module once per process (the glue keeps it in a module-level variable). */
function loadWasm(): Promise<void> {
  ready ??= (async () => {
    // The package's main entry imports the .wasm file directly, which Node 20 cannot do: load the glue module and
    // instantiate the binary that sits beside it ourselves.
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const imports = { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return ready;
}

/** Whether better-sqlite3 refused a statement because the SQL holds several (it only prepares one at a time). */
function isMultiStatementError(err: unknown): boolean {
  return err instanceof Error && err.message.includes('more than one statement');
}

/** The shadow database replays migration files through executeRaw; run multi-statement SQL as a script instead. */
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (err) {
      if (query.args.length > 0 || !isMultiStatementError(err)) throw err;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

/** Wraps the adapter factory so every connection it hands to the engine can be closed once the engine is freed. */
function trackingFactory(url: string, opened: SqlDriverAdapter[]): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url });
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    opened.push(adapter);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(withScriptFallback(await inner.connectToShadowDb())),
  };
}

/** Replaces the engine's "External error id#N" with the adapter error it stands for, keeping Prisma's code. */
function explainEngineError(err: unknown, registry: ErrorRegistry): Error {
  const message = err instanceof Error ? err.message : String(err);
  const match = /External error id#(\d+)/.exec(message);
  const record = match?.[1] === undefined ? undefined : registry.consumeError(Number(match[1]));
  if (match === null || record === undefined) return err instanceof Error ? err : new Error(message);
  const cause = record.error instanceof Error ? record.error.message : JSON.stringify(record.error);
  const explained = message.replace(match[0], `${match[0]}: ${cause}`);
  return Object.assign(new Error(explained, { cause: err }), { code: engineErrorCode(err) });
}

/** The Prisma error code (P1014, P3009, ...) carried by an engine error, if any. */
export function engineErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** Runs `work` with a schema engine bound to the SQLite database at `url`, then frees it and closes its connections. */
export async function withSchemaEngine<T>(
  options: { url: string; schema: SchemaFile },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  ensureSqliteDirectory(options.url);
  const opened: SqlDriverAdapter[] = [];
  // Without the binder the engine calls the adapter's methods unbound and every call fails.
  const factory = bindMigrationAwareSqlAdapterFactory(trackingFactory(options.url, opened));
  const logs = (line: string): void => {
    if (process.env.RUKUN_DEBUG_SCHEMA_ENGINE) process.stderr.write(`${line}\n`);
  };
  let engine: SchemaEngine | undefined;
  try {
    // The engine connects while it is constructed, so adapter errors can surface here already.
    engine = await glue.SchemaEngine.new({ datamodels: [[options.schema.path, options.schema.content]] }, logs, factory);
    return await work(engine);
  } catch (err) {
    throw explainEngineError(err, factory.errorRegistry);
  } finally {
    engine?.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
