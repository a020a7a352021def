// Shared vocabulary of the authorization matrix: cell values, row shape and the common expectation builders, used by
// table.ts and by the row files of later features (eventRows.ts, rsvpRows.ts, calendarRows.ts).
import type { CallerKind } from './callers';
import type { Env, World, Caller } from './world';

export type Cell = string | null;

export interface CellContext {
  env: Env;
  caller: Caller;
  world: World;
}

/** What a row sends: values for the path's `{params}`, the query, the JSON body, and the token when not the caller's. */
export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** undefined: the caller's own token; null: none. */
  token?: string | null;
}

export interface Row {
  /** Build a caller of each kind in a new community for this row: the call changes the caller itself. */
  fresh?: true;
  /** Expected answers; `admin` defaults to the non-member's answer (see cellFor). */
  expect: Record<Exclude<CallerKind, 'admin'>, Cell> & { admin?: Cell };
  call: (ctx: CellContext) => Promise<Call>;
}

export const UNAUTHENTICATED = '401 unauthenticated';
export const OK = '200';
export const CREATED = '201';
export const GONE = '204';
export const FORBIDDEN = '403 forbidden';
export const NOT_MEMBER = '403 not_a_member';
export const OWN_POST = '403 own_post';
export const BANNED = '403 banned';
export const MUTED = '403 muted';
export const SUSPENDED = '403 suspended';
export const NOT_FOUND = '404 not_found';
export const ALREADY_MEMBER = '409 already_member';
export const NA = null;

/** Account-level routes: anyone signed in, whatever their standing in any community. */
export function signedIn(cell: Cell): Row['expect'] {
  return {
    anonymous: UNAUTHENTICATED,
    nonMember: cell,
    otherModerator: cell,
    otherManager: cell,
    member: cell,
    moderator: cell,
    manager: cell,
    owner: cell,
    banned: cell,
    muted: cell,
    suspended: cell,
  };
}

/** Everyone, signed in or not. */
export function everyone(cell: Cell): Row['expect'] {
  return { ...signedIn(cell), anonymous: cell };
}

export const slug = ({ world }: CellContext): Call => ({ params: { slug: world.community.slug } });

