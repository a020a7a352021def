import { afterAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, uniqueViolationFields } from '../../server/db/errors';
import { freshDatabase } from '../helpers/database';

const { prisma, close } = freshDatabase();
afterAll(close);

/** The error a failing write rejects with (fails the test if the write succeeds). */
async function errorOf(write: Promise<unknown>): Promise<unknown> {
  const outcome = await write.then(
    () => new Error('expected the write to fail'),
    (err: unknown) => ({ err }),
  );
  if (outcome instanceof Error) throw outcome;
  return outcome.err;
}

const user = { handle: 'ani', email: 'ani@example.test', displayName: 'Ani', passwordHash: 'x' };

describe('isUniqueViolation', () => {
  it('recognises a duplicate handle by the field SQLite reports', async () => {
    await prisma.user.create({ data: user });
    const err = await errorOf(prisma.user.create({ data: { ...user, email: 'other@example.test' } }));

    expect(uniqueViolationFields(err)).toEqual(['handle']);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, 'handle')).toBe(true);
    expect(isUniqueViolation(err, 'email')).toBe(false);
  });

  it('names every column of a compound unique constraint', async () => {
    const member = await prisma.user.create({ data: { ...user, handle: 'budi', email: 'budi@example.test' } });
    const community = await prisma.community.create({ data: { slug: 'warga', name: 'Warga' } });
    const data = { communityId: community.id, userId: member.id };
    await prisma.membership.create({ data });
    const err = await errorOf(prisma.membership.create({ data }));

    expect(uniqueViolationFields(err)).toEqual(['communityId', 'userId']);
    expect(isUniqueViolation(err, 'userId')).toBe(true);
  });

  it('is false for other database errors and for plain errors', async () => {
    const err = await errorOf(prisma.session.create({ data: { userId: 'missing', tokenHash: 't', expiresAt: new Date() } }));
    expect(err).toMatchObject({ code: 'P2003' });
    expect(isUniqueViolation(err)).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: User.handle'))).toBe(false);
  });
});
