import type { Db } from '../db/client';
import { fail } from '../errors';
import { normalizeLogin } from '../lib/logins';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../lib/passwords';
import { openSession } from './openSession';

/** Signs in by handle or e-mail; the same 401 and the same work whether the user exists or not. */
export async function loginUser(deps: { db: Db; now: Date; sessionTtlDays: number }, input: { login: string; password: string }) {
  // The same spelling the login throttle counts under (lib/logins.ts).
  const login = normalizeLogin(input.login);
  const user = await deps.db.user.findFirst({ where: login.includes('@') ? { email: login } : { handle: login } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) fail('invalid_credentials');
  const token = await openSession(deps, user.id);
  return { user, token };
}
