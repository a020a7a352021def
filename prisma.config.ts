// Prisma 7 CLI configuration. Prisma reads no .env by itself and env() throws when the variable is unset (even for
// generate), so the URL falls back to the embedded default database.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/rukun.db' },
});
