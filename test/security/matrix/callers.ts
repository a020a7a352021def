// The caller kinds of the matrix. Adding a kind is one entry here plus its column in every row of table.ts
// (the compiler lists the rows that lack it, and the signedIn/everyone helpers there). The instance administrator
// (`admin`) is no community role: unless a row says otherwise its column is the non-member's (see cellFor).
import { createUser, join, setRole } from '../../helpers/factories';
import { grantInstanceAdmin } from '../../../server/commands/instanceAdmins';
import { newMember, sanction, type BuildInput, type Built } from './world';

interface CallerSpec {
  kind: string;
  /** Makes one caller of this kind in `input.world`. */
  build: (input: BuildInput) => Promise<Built>;
}

/** A member of the world who then gets `kind` from its owner. */
async function sanctioned(input: BuildInput, kind: 'ban' | 'mute' | 'suspend'): Promise<Built> {
  const user = await newMember(input.env, input.world);
  await input.asMember(user);
  return { user, sanctionId: await sanction(input.env, input.world, user.id, kind) };
}

/** Staff of the community the "other community" callers belong to; never a member of the world. */
async function staffElsewhere(input: BuildInput, role: 'moderator' | 'manager'): Promise<Built> {
  const { api, elsewhere } = input.env;
  const user = await createUser(api);
  await join(api, user, elsewhere.community.slug);
  await setRole(api, elsewhere.owner, elsewhere.community.slug, user.id, role);
  return { user };
}

async function member(input: BuildInput, role?: 'moderator' | 'manager'): Promise<Built> {
  const user = await newMember(input.env, input.world, role);
  await input.asMember(user);
  return { user };
}

export const CALLERS = [
  { kind: 'anonymous', build: async () => ({ user: null }) },
  { kind: 'nonMember', build: async ({ env }) => ({ user: await createUser(env.api) }) },
  { kind: 'otherModerator', build: (input) => staffElsewhere(input, 'moderator') },
  { kind: 'otherManager', build: (input) => staffElsewhere(input, 'manager') },
  { kind: 'member', build: (input) => member(input) },
  { kind: 'moderator', build: (input) => member(input, 'moderator') },
  { kind: 'manager', build: (input) => member(input, 'manager') },
  {
    kind: 'owner',
    build: async (input) => {
      await input.asMember(input.world.owner);
      return { user: input.world.owner };
    },
  },
  { kind: 'banned', build: (input) => sanctioned(input, 'ban') },
  { kind: 'muted', build: (input) => sanctioned(input, 'mute') },
  { kind: 'suspended', build: (input) => sanctioned(input, 'suspend') },
  {
    kind: 'admin',
    build: async ({ env }) => {
      const user = await createUser(env.api);
      await grantInstanceAdmin({ db: env.db }, { handle: user.handle, source: 'cli' });
      return { user };
    },
  },
] as const satisfies readonly CallerSpec[];

export type CallerKind = (typeof CALLERS)[number]['kind'];
