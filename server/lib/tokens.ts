import { createHash, randomBytes } from 'node:crypto';

/** A new random session token (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token: its SHA-256, so the database never holds a usable credential. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
