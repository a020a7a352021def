// The SMTP side: one pooled nodemailer transport per worker process, and how a refusal is judged.
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a resend after a crash can be recognised as the same message. */
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_LEASE_SECONDS' | 'MAIL_CONCURRENCY'>;

/** Opens the transport to SMTP_URL, or returns null when e-mail is off. */
export function createMailTransport(config: MailConfig): MailTransport | null {
  if (!config.SMTP_URL) return null;
  // Every wait on the server is capped well below the lease, so a live send never outlasts its claim on the row.
  const timeout = Math.min(60_000, Math.floor((config.MAIL_LEASE_SECONDS * 1000) / 3));
  const transporter = nodemailer.createTransport({
    url: config.SMTP_URL,
    pool: true,
    maxConnections: config.MAIL_CONCURRENCY,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail({ from: config.MAIL_FROM, ...mail });
    },
    close: () => transporter.close(),
  };
}

/** The domain each Message-ID is made under: MAIL_FROM's, or "rukun.localhost". */
export function messageIdDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom.trim());
  return match?.[1] ?? 'rukun.localhost';
}

/**
 * How a failed send counts: `permanent` when the server refused for good (5xx), `recipient` when it refused this
 * message for now (4xx: try it later, go on with the others), `connection` when it could not be reached or the
 * conversation broke (no reply code: stop the batch, the whole job retries later).
 */
export function classifySendError(err: unknown): 'permanent' | 'recipient' | 'connection' {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  if (typeof code === 'number' && code >= 500) return 'permanent';
  if (typeof code === 'number' && code >= 400) return 'recipient';
  return 'connection';
}

/** A short, credential-free description of a send failure, for the row's lastError. */
export function describeSendError(err: unknown): string {
  const e = err as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown } | null;
  const parts = [e?.code, e?.responseCode, typeof e?.response === 'string' ? e.response : e?.message].filter((p) => p !== undefined && p !== null);
  return parts.map(String).join(' ').slice(0, 500);
}
