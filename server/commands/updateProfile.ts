import type { Db } from '../db/client';

/** Changes the caller's display name or interface language. */
export async function updateProfile(deps: { db: Db }, input: { userId: string; displayName?: string; locale?: 'id' | 'en' }) {
  return deps.db.user.update({
    where: { id: input.userId },
    data: {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    },
  });
}
