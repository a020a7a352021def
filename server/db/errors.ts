// Recognising database errors the application turns into domain outcomes (e.g. "handle already taken").
import { Prisma } from './generated/client';

/** The driver adapter's error as Prisma 7 attaches it to a known request error's meta. */
interface AdapterErrorMeta {
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
}

/** Columns of the violated unique constraint: Prisma 7 dropped `meta.target`, adapters report them instead. */
export function uniqueViolationFields(err: unknown): string[] | undefined {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return undefined;
  const constraint = (err.meta as AdapterErrorMeta | undefined)?.driverAdapterError?.cause?.constraint;
  // SQLite names the columns; PostgreSQL names the index (e.g. "User_email_key").
  if (Array.isArray(constraint?.fields)) return constraint.fields.filter((f): f is string => typeof f === 'string');
  if (typeof constraint?.index === 'string') return [constraint.index];
  return [];
}

/** Whether `err` is a unique violation, optionally only one involving `field` (column or index name part). */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const fields = uniqueViolationFields(err);
  if (fields === undefined) return false;
  if (field === undefined) return true;
  return fields.some((name) => name === field || name.split('_').includes(field));
}

/** better-sqlite3's refusal because another connection holds a lock (SQLITE_BUSY and its variants, SQLITE_LOCKED). */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
}
