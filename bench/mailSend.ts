// Mail benchmark: `npm run bench:mail [-- --messages=2000]`. Writes --messages pending outbox rows (event reminders,
// half in Indonesian, half in English) for as many members into a fresh database, then sends them all with the mail
// command through a real SMTP receiver process (test/helpers/smtpServer.ts) and prints messages/s. Printed, never
// asserted. The receiver writes every message to a file in one process, so it is part of what is measured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { sendPendingMail } from '../server/commands/sendPendingMail';
import { createDatabase } from '../server/db/client';
import { applyMigrations } from '../server/db/migrations';
import { createLogger } from '../server/logger';
import { createMailTransport } from '../server/mail/transport';
import { createMetrics } from '../server/metrics';
import { startSmtpServer } from '../test/helpers/smtpServer';

const { values: args } = parseArgs({ options: { messages: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '4' } } });

async function main(): Promise<void> {
  const count = Number(args.messages);
  const dir = mkdtempSync(join(tmpdir(), 'rukun-bench-mail-'));
  const url = `file:${join(dir, 'bench.db')}`;
  await applyMigrations({ url });
  const database = createDatabase({ url });
  const db = database.prisma;
  const smtp = await startSmtpServer();
  const config = loadConfig({ DATABASE_URL: url, SMTP_URL: smtp.url, MAIL_TOKEN_KEY: 'bench-key-'.repeat(4), MAIL_BATCH_SIZE: '500', MAIL_CONCURRENCY: args.concurrency });
  const transport = createMailTransport(config);
  try {
    if (!transport) throw new Error('no transport');
    const community = await db.community.create({ data: { slug: 'bench-mail', name: 'Bench' } });
    const users = Array.from({ length: count }, (_, i) => ({ id: `u${String(i).padStart(8, '0')}`, handle: `u${i}`, email: `u${i}@example.test`, displayName: 'u', passwordHash: 'x', locale: i % 2 ? 'en' : 'id' }));
    await db.user.createMany({ data: users });
    const data = JSON.stringify({ eventId: 'e1', title: 'Kopdar', startsAt: '2026-12-24T12:00:00Z', timezone: 'Asia/Jakarta', minutesBefore: 60, communityName: 'Bench', communitySlug: 'bench-mail' });
    const now = new Date();
    await db.mailDelivery.createMany({ data: users.map((u) => ({ id: `m${u.id}`, kind: 'event_reminder', refId: 'bench', userId: u.id, communityId: community.id, locale: u.locale, data, createdAt: now, updatedAt: now })) });
    const started = performance.now();
    const result = await sendPendingMail({ db, now: () => new Date(), config, logger: createLogger('silent'), metrics: createMetrics(), transport });
    const seconds = (performance.now() - started) / 1000;
    console.log(`mail: ${result.sent} of ${count} messages sent in ${seconds.toFixed(2)} s = ${(result.sent / seconds).toFixed(0)} messages/s (concurrency ${config.MAIL_CONCURRENCY}); received ${smtp.messages().length}`);
  } finally {
    transport?.close();
    await smtp.dispose();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
