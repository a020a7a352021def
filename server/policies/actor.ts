import type { Role, SanctionKind } from '../contracts/api';

/** Who is acting inside one community, as far as policies care. */
export interface Actor {
  userId: string;
  /** null when not a member. */
  role: Role | null;
  banned: boolean;
  /** Kinds of sanctions in force right now. */
  sanctions: SanctionKind[];
}
