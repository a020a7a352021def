// The one spelling of a login (handle or e-mail) that both the account lookup and the login throttle use, so no
// variant of a login ("Budi", " budi ", "\u212Audi" for "kudi") reaches an account under a counter of its own.

/** Trimmed and lower-cased, as handles and e-mail addresses are stored. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}
