// The operator's tool for instance administrators: npm run admin -- grant <handle> | revoke <handle> | list
// It opens the database the server uses (DATABASE_URL, from the same validated configuration) and logs every change
// through the server's logger, so grants and revocations appear in the same log stream as the server's own.
import { grantInstanceAdmin, revokeInstanceAdmin, type AdminChange } from '../commands/instanceAdmins';
import { ConfigError, loadConfig } from '../config';
import { createDatabase, type Db } from '../db/client';
import { unfinishedMigrations } from '../db/migrations';
import { createLogger, type Logger } from '../logger';
import { listInstanceAdmins } from '../queries/instanceAdmins';

const USAGE = 'Usage: npm run admin -- grant <handle> | revoke <handle> | list';

type Run = (db: Db, logger: Logger, listed: string[]) => Promise<number>;

/** Prints and logs one change; unknown handles fail the command. */
function report(change: AdminChange, logger: Logger, listed: string[]): number {
  if (change.outcome === 'unknown_handle') {
    console.error(`No account has the handle "${change.handle}".`);
    return 1;
  }
  if (change.outcome === 'unchanged') {
    console.log(`${change.handle}: nothing to change.`);
    return 0;
  }
  logger.info({ handle: change.handle, userId: change.userId, by: 'cli' }, `instance admin ${change.outcome}`);
  console.log(`${change.handle}: instance admin ${change.outcome}.`);
  if (change.outcome === 'revoked' && listed.includes(change.handle)) {
    console.log(`Note: RUKUN_ADMINS still lists ${change.handle}; the next start grants it again. Remove it there too.`);
  }
  return 0;
}

function commandFor(command: string | undefined, handle: string | undefined): Run | null {
  const name = handle?.trim().toLowerCase();
  if (command === 'list') {
    return async (db) => {
      const admins = await listInstanceAdmins({ db });
      console.log(admins.length === 0 ? 'No instance admins.' : admins.map((a) => `${a.handle}\t(${a.source === 'env' ? 'RUKUN_ADMINS' : 'granted'})`).join('\n'));
      return 0;
    };
  }
  if (!name) return null;
  if (command === 'grant') return async (db, logger, listed) => report(await grantInstanceAdmin({ db }, { handle: name, source: 'cli' }), logger, listed);
  if (command === 'revoke') return async (db, logger, listed) => report(await revokeInstanceAdmin({ db }, { handle: name }), logger, listed);
  return null;
}

async function main(): Promise<number> {
  const [command, handle] = process.argv.slice(2);
  const run = commandFor(command, handle);
  if (!run) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  // A database behind on migrations has no isAdmin column yet: say how to fix it rather than fail on SQL.
  const pending = await unfinishedMigrations({ url: config.DATABASE_URL });
  if (pending.length > 0) {
    console.error(`The database at ${config.DATABASE_URL} has pending migrations. Run npm run db:migrate (or start the server) first.`);
    return 1;
  }
  const logger = createLogger(config.LOG_LEVEL === 'silent' ? 'silent' : 'info');
  const database = createDatabase({ url: config.DATABASE_URL });
  try {
    return await run(database.prisma, logger, config.RUKUN_ADMINS);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
