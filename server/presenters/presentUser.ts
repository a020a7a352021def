import type { Locale, Me, User } from '../contracts/api';

export interface UserRow {
  id: string;
  handle: string;
  displayName: string;
  locale: string;
  createdAt: Date;
}

/** A user as other people see them: no e-mail, no password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.displayName,
    locale: row.locale === 'en' ? 'en' : 'id',
    createdAt: row.createdAt.toISOString(),
  };
}

/** The signed-in user's own record, with the e-mail address and whether they are an instance administrator. */
export function presentMe(row: UserRow & { email: string; isAdmin: boolean }): Me {
  return { ...presentUser(row), email: row.email, locale: row.locale as Locale, isAdmin: row.isAdmin };
}
