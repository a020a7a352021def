import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail } from '../errors';
import { hashPassword } from '../lib/passwords';
import { openSession } from './openSession';

export interface RegisterInput {
  handle: string;
  email: string;
  password: string;
  displayName: string;
  locale: 'id' | 'en';
}

/** Creates an account and its first session; 409 handle_taken / email_taken on duplicates, also under races. */
export async function registerUser(deps: { db: Db; now: Date; sessionTtlDays: number }, input: RegisterInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await deps.db.user.create({
      data: {
        handle: input.handle,
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
      },
    });
    const token = await openSession(deps, user.id);
    return { user, token };
  } catch (err) {
    if (isUniqueViolation(err, 'handle')) fail('handle_taken');
    if (isUniqueViolation(err, 'email')) fail('email_taken');
    throw err;
  }
}
