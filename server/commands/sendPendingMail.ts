// Sends the e-mail outbox: every pending MailDelivery row (and every row a dead worker left in `sending` past its
// lease), page by page, each recipient's row on its own (MAIL_CONCURRENCY rows in flight at once), so a worker killed
// at any point neither skips nor repeats anyone beyond the one window below.
//
// Per row, in this order:
//   1. claim: a conditional UPDATE from pending (or sending with an expired lease) to sending, with attempts + 1, a new
//      claimId and leaseUntil = now + MAIL_LEASE_SECONDS. Only one claimant's update matches; the others move on.
//   2. send over SMTP with the row's stable Message-ID <row id@domain> and its one-click unsubscribe headers.
//   3. mark sent WHERE claimId is still ours.
// A worker killed before 2 completes leaves the row in `sending`; once the lease passes, the next run claims it again
// and sends it (nobody skipped). Killed between the SMTP server's 250 and 3, the row is sent a second time after the
// lease: that is the one duplicate window left, at most one extra copy per row per crash, and it carries the same
// Message-ID as the first, so mail systems and readers can recognise (and many de-duplicate) it. Closing it would
// need the SMTP server to take part in a two-phase commit, which SMTP has no way to do.
//
// Failures: a 5xx marks the row failed for good; a 4xx puts it back to pending and the run goes on with the others;
// a server that cannot be reached (or drops the conversation) puts the row back, uncounted, and stops the run. In
// both of the latter cases the run then throws, so BullMQ retries the job with exponential backoff. A row out of
// attempts (MAIL_MAX_ATTEMPTS: 4xx refusals and crashes count, outages do not) is failed. A member who switched the e-mail off after the row was written is
// skipped.
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
import { newId } from '../lib/ids';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { isMailKind, preferenceKindOf, type MailKind } from '../mail/kinds';
import { renderMail } from '../mail/render';
import { classifySendError, describeSendError, messageIdDomain, type MailTransport } from '../mail/transport';
import { mailTokenKey, signUnsubscribeToken } from '../mail/unsubscribeToken';
import { publicOrigin } from '../mail/links';

export interface MailSendDeps {
  db: Db;
  now: Clock;
  config: Config;
  logger: Logger;
  metrics: Pick<Metrics, 'mailSent' | 'mailFailed' | 'mailRetried' | 'mailSkipped'>;
  transport: MailTransport;
}

export interface MailRunResult {
  sent: number;
  failed: number;
  skipped: number;
  /** Rows put back for a later try (the caller makes the job fail, so BullMQ backs off). */
  deferred: number;
  /** Whether the SMTP server could not be reached: the run stopped early. */
  unreachable: boolean;
  /**
   * Rows another worker holds in `sending` with a live lease when the run ended: a live worker's, or a killed one's
   * that this run may take over once the lease passes (the caller retries the job later).
   */
  heldElsewhere: number;
}

type Outcome = 'sent' | 'failed' | 'skipped' | 'deferred' | 'unreachable' | 'lost';

/** Sends every row owed a send now; see the file comment for the order of steps and what a crash leaves. */
export async function sendPendingMail(deps: MailSendDeps): Promise<MailRunResult> {
  const result: MailRunResult = { sent: 0, failed: 0, skipped: 0, deferred: 0, unreachable: false, heldElsewhere: 0 };
  let cursor: { at: Date; id: string } | null = null;
  for (;;) {
    const now = deps.now();
    const page: { id: string; createdAt: Date }[] = await deps.db.mailDelivery.findMany({
      where: {
        AND: [
          { OR: [{ status: 'pending' }, { status: 'sending', leaseUntil: { lt: now } }] },
          ...(cursor ? [{ OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }] : []),
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: deps.config.MAIL_BATCH_SIZE,
      select: { id: true, createdAt: true },
    });
    await sendPage(deps, page, result);
    if (result.unreachable) return result;
    const last = page.at(-1);
    if (!last || page.length < deps.config.MAIL_BATCH_SIZE) {
      result.heldElsewhere = await deps.db.mailDelivery.count({ where: { status: 'sending', leaseUntil: { gte: deps.now() } } });
      return result;
    }
    cursor = { at: last.createdAt, id: last.id };
  }
}

/**
 * Sends one page in MAIL_CONCURRENCY lanes, each taking the next row in turn (SMTP round trips overlap; every row is
 * still claimed, sent and marked on its own). An unreachable server stops every lane after its current row.
 */
async function sendPage(deps: MailSendDeps, page: { id: string }[], result: MailRunResult): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let row = page[next++]; row && !result.unreachable; row = page[next++]) {
      const outcome = await sendOne(deps, row.id);
      if (outcome === 'unreachable') {
        result.unreachable = true;
        result.deferred += 1;
      } else if (outcome !== 'lost') result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.config.MAIL_CONCURRENCY, page.length) }, lane));
}

const claimable = (now: Date) => ({ OR: [{ status: 'pending' }, { status: 'sending', leaseUntil: { lt: now } }] });

/** Claims, sends and marks one row; 'lost' when another worker holds it. */
async function sendOne(deps: MailSendDeps, id: string): Promise<Outcome> {
  const now = deps.now();
  const claimId = newId();
  const claimed = await deps.db.mailDelivery.updateMany({
    where: { id, ...claimable(now) },
    data: { status: 'sending', claimId, leaseUntil: new Date(now.getTime() + deps.config.MAIL_LEASE_SECONDS * 1000), attempts: { increment: 1 }, updatedAt: now },
  });
  if (claimed.count === 0) return 'lost';
  const row = await deps.db.mailDelivery.findUniqueOrThrow({ where: { id }, include: { user: { select: { email: true } } } });
  const finish = (status: 'sent' | 'failed' | 'skipped' | 'pending', extra: { lastError?: string; attempts?: { decrement: number } } = {}) =>
    deps.db.mailDelivery.updateMany({
      where: { id, claimId },
      data: { status, leaseUntil: null, updatedAt: deps.now(), ...(status === 'sent' ? { sentAt: deps.now(), lastError: null } : {}), ...extra },
    });
  const kind = row.kind;
  if (!isMailKind(kind)) {
    await finish('failed', { lastError: `unknown mail kind ${kind}` });
    return 'failed';
  }
  if (row.attempts > deps.config.MAIL_MAX_ATTEMPTS) {
    // Claimed more often than allowed without an outcome: workers keep dying on it (or it kept being refused).
    await finish('failed', { lastError: row.lastError ?? 'out of attempts' });
    deps.metrics.mailFailed.inc({ kind });
    return 'failed';
  }
  const preference = await deps.db.emailPreference.findUnique({ where: { userId_communityId_kind: { userId: row.userId, communityId: row.communityId, kind: preferenceKindOf(kind) } }, select: { enabled: true } });
  if (preference && !preference.enabled) {
    await finish('skipped');
    deps.metrics.mailSkipped.inc({ kind });
    return 'skipped';
  }
  const mail = composeMail(deps.config, { id: row.id, kind, data: row.data, locale: row.locale, userId: row.userId, communityId: row.communityId });
  if (!mail) {
    await finish('failed', { lastError: 'the message could not be worded (missing data)' });
    deps.metrics.mailFailed.inc({ kind });
    return 'failed';
  }
  try {
    await deps.transport.send({ ...mail, to: row.user.email });
  } catch (err) {
    return settleFailure(deps, { kind, attempts: row.attempts, err, finish });
  }
  const marked = await finish('sent');
  // Our lease ran out and another worker claimed the row: it may send it too (see the file comment).
  if (marked.count === 0) deps.logger.warn({ mailId: id }, 'an e-mail was sent after its lease had passed; another worker may send it again');
  deps.metrics.mailSent.inc({ kind });
  return 'sent';
}

type Finish = (status: 'failed' | 'pending', extra: { lastError?: string; attempts?: { decrement: number } }) => Promise<unknown>;

async function settleFailure(deps: MailSendDeps, input: { kind: MailKind; attempts: number; err: unknown; finish: Finish }): Promise<Outcome> {
  const verdict = classifySendError(input.err);
  const lastError = describeSendError(input.err);
  if (verdict === 'connection') {
    // An outage is not the message's fault: the try is not counted, so a long one fails nobody's e-mail.
    await input.finish('pending', { lastError, attempts: { decrement: 1 } });
    deps.metrics.mailRetried.inc({ kind: input.kind });
    return 'unreachable';
  }
  if (verdict === 'permanent' || input.attempts >= deps.config.MAIL_MAX_ATTEMPTS) {
    await input.finish('failed', { lastError });
    deps.metrics.mailFailed.inc({ kind: input.kind });
    deps.logger.warn({ kind: input.kind, error: lastError }, 'an e-mail was given up on');
    return 'failed';
  }
  await input.finish('pending', { lastError });
  deps.metrics.mailRetried.inc({ kind: input.kind });
  return 'deferred';
}

/** The message of one row, with its links, Message-ID and unsubscribe headers; null when it cannot be worded. */
function composeMail(config: Config, row: { id: string; kind: MailKind; data: string; locale: string; userId: string; communityId: string }) {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(row.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  const origin = publicOrigin(config);
  const token = signUnsubscribeToken(mailTokenKey(config), { userId: row.userId, communityId: row.communityId, kind: preferenceKindOf(row.kind) });
  const unsubscribe = `${origin}/api/unsubscribe/${token}`;
  const page = typeof data.eventId === 'string' ? `${origin}/events/${encodeURIComponent(data.eventId)}` : `${origin}/c/${encodeURIComponent(String(data.communitySlug ?? ''))}`;
  const rendered = renderMail({ kind: row.kind, data, locale: row.locale === 'en' ? 'en' : 'id', links: { page, unsubscribe } });
  if (!rendered) return null;
  return {
    ...rendered,
    messageId: `<${row.id}@${messageIdDomain(config.MAIL_FROM)}>`,
    headers: {
      // RFC 8058: the URL alone unsubscribes on a POST with this body; mail clients show an unsubscribe button.
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
      'X-Rukun-Kind': row.kind,
    },
  };
}
