// Opaque keyset cursors: (time, id) of the last row, so paging never uses OFFSET.
import { fail } from '../errors';

export interface CursorKey {
  at: Date;
  id: string;
}

/** Encodes the last row's key as an opaque cursor string. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

/** Decodes a cursor from a query string; a tampered one is a 400, not a crash. */
export function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  return fail('bad_request', { details: [{ path: 'query.cursor', message: 'invalid cursor' }] });
}

/** Slices one extra row off a fetched page and builds the next cursor from the last kept row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: last ? encodeCursor(keyOf(last)) : null };
}
