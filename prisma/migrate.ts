// Offline replacement for `prisma migrate deploy|status` and `migrate dev --create-only`, run through the wasm engine.
// Usage: tsx prisma/migrate.ts deploy | status | create <name>
import { applyMigrations, createMigration, EmptyMigrationError, migrationStatus } from '../server/db/migrations';
import { defaultDatabaseUrl } from '../server/db/sqliteUrl';

const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;

/** Applies pending migrations to DATABASE_URL. */
async function deploy(): Promise<number> {
  const { applied } = await applyMigrations({ url });
  console.log(applied.length === 0 ? 'No pending migrations.' : `Applied:\n  ${applied.join('\n  ')}`);
  return 0;
}

/** Prints how the database's history compares to the folder; exits 1 unless up to date, like `prisma migrate status`. */
async function status(): Promise<number> {
  const result = await migrationStatus({ url });
  const lines = [
    ...result.pending.map((name) => `pending: ${name}`),
    ...result.failed.map((name) => `failed:  ${name}`),
    ...result.edited.map((name) => `edited after being applied: ${name}`),
    ...(result.problem === undefined ? [] : [result.problem]),
  ];
  console.log(lines.length === 0 ? `Database ${url} is up to date.` : lines.join('\n'));
  return lines.length === 0 ? 0 : 1;
}

/** Writes a migration with the schema's changes; refuses when there are none. */
async function create(name: string | undefined): Promise<number> {
  if (name === undefined) {
    console.error('Usage: npm run db:migration -- <name>');
    return 2;
  }
  try {
    const migration = await createMigration({ name });
    console.log(`Created ${migration.dir}\nReview it, then apply it with: npm run db:migrate`);
    return 0;
  } catch (err) {
    if (!(err instanceof EmptyMigrationError)) throw err;
    console.error(err.message);
    return 1;
  }
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => Promise<number>> = { deploy, status, create: () => create(arg) };
const run = command === undefined ? undefined : commands[command];
if (run === undefined) {
  console.error('Usage: tsx prisma/migrate.ts deploy | status | create <name>');
  process.exit(2);
}
run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
