import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';

/** Creates a community with the caller as its owner; 409 slug_taken when the address is in use. */
export async function createCommunity(
  deps: { db: Db; now: Date },
  input: { ownerId: string; slug: string; name: string; description: string; locale: 'id' | 'en' },
) {
  try {
    return await inWriteTransaction(deps.db, async (tx) => {
      const community = await tx.community.create({
        data: { slug: input.slug, name: input.name, description: input.description, locale: input.locale, createdAt: deps.now },
      });
      await tx.membership.create({ data: { communityId: community.id, userId: input.ownerId, role: 'owner', joinedAt: deps.now } });
      return community;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) fail('slug_taken');
    throw err;
  }
}
