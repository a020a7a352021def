// One-click unsubscribe tokens (RFC 8058). A token names member, community and switch, signed with HMAC-SHA256 under a
// server key kept outside the database (MAIL_TOKEN_KEY, or a 0600 file beside the SQLite file): nothing is stored,
// and someone holding only the database cannot make one. Tokens do not expire: an unsubscribe link in an old e-mail
// must still work. They sit in a URL path, so the access log redacts /unsubscribe/... (server/logger.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config';
import { sqliteFilePath } from '../db/sqliteUrl';
import { EMAIL_PREFERENCE_KINDS, type EmailPreferenceKind } from './kinds';

export const MAIL_TOKEN_KEY_FILE = 'mail-token.key';
const VERSION = 'u1';
/** base64url of the payload, a dot, base64url of the 32-byte MAC: bounded well below this. */
export const UNSUBSCRIBE_TOKEN_MAX = 400;

const loaded = new Map<string, Buffer>();

export interface UnsubscribeSubject {
  userId: string;
  communityId: string;
  kind: EmailPreferenceKind;
}

type KeyConfig = Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'MAIL_TOKEN_KEY'>;

/** The signing key: MAIL_TOKEN_KEY, or the key file, generated once (0600) when it does not exist yet. */
export function mailTokenKey(config: KeyConfig): Buffer {
  if (config.MAIL_TOKEN_KEY) return Buffer.from(config.MAIL_TOKEN_KEY, 'utf8');
  const file = sqliteFilePath(config.DATABASE_URL);
  const path = join(file ? dirname(file) : resolve(config.DATA_DIR), MAIL_TOKEN_KEY_FILE);
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx': of two processes starting together only one writes; the other reads the winner's key below.
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  if (key.length < 32) throw new Error(`${path} holds no usable mail token key`);
  loaded.set(path, key);
  return key;
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

/** The token of one member's switch in one community. */
export function signUnsubscribeToken(key: Buffer, subject: UnsubscribeSubject): string {
  const payload = [VERSION, subject.userId, subject.communityId, subject.kind].join('|');
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${mac(key, payload).toString('base64url')}`;
}

/** What a token names, or null for anything that is not a token this key signed. */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeSubject | null {
  if (token.length > UNSUBSCRIBE_TOKEN_MAX) return null;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(encoded + signature)) return null;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [version, userId, communityId, kind, rest] = payload.split('|');
  if (version !== VERSION || !userId || !communityId || rest !== undefined) return null;
  if (!(EMAIL_PREFERENCE_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { userId, communityId, kind: kind as EmailPreferenceKind };
}
