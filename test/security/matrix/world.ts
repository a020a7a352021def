// The people and things the authorization matrix calls with: a community ("world"), one caller of each kind in
// it, and factories for the targets a row needs (a post, a held item, a sanction, a rule). Everything is built
// through the public API, so every id in a call is real and the answer tests authorization, not validation.
import type { Community, Post, Sanction, SanctionKind } from '../../../server/contracts/api';
import type { Config } from '../../../server/config';
import type { Db } from '../../../server/db/client';
import type { ApiClient } from '../../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, waitForPost, type TestUser } from '../../helpers/factories';

/** Everything the builders need: the HTTP client and, for one read the API has no route for, the database. */
export interface Env {
  api: ApiClient;
  db: Db;
  /** The community the "other community" callers hold their role in. */
  elsewhere: World;
  /** The server's configuration, for credentials the API hands out only by e-mail (unsubscribe tokens). */
  config: Config;
}

/** A community with its owner and a plain member who writes the posts other callers act on. */
export interface World {
  owner: TestUser;
  community: Community;
  author(): Promise<TestUser>;
}

/** A caller's own posts, made before any sanction of theirs (a muted member cannot post any more). */
export interface OwnPosts {
  publishedId: string;
  held: { postId: string; itemId: string };
}

/** One caller of one kind, in one world. `user` is null for the anonymous caller. */
export interface Caller {
  user: TestUser | null;
  world: World;
  /** The sanction that makes this caller banned, muted or suspended. */
  sanctionId?: string;
  own?: OwnPosts;
}

/** What a kind's builder gets: where to build, and a hook to run once the caller is a member, before sanctions. */
export interface BuildInput {
  env: Env;
  world: World;
  asMember: (user: TestUser) => Promise<void>;
}

export interface Built {
  user: TestUser | null;
  sanctionId?: string;
}

/** A community and its owner; its author is registered the first time a row needs one. */
export async function buildWorld(api: ApiClient): Promise<World> {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  let author: Promise<TestUser> | undefined;
  return {
    owner,
    community,
    author: () => {
      author ??= createUser(api).then(async (user) => {
        await join(api, user, community.slug);
        return user;
      });
      return author;
    },
  };
}

/** A new member of the world, with a role when given. */
export async function newMember(env: Env, world: World, role?: 'moderator' | 'manager'): Promise<TestUser> {
  const user = await createUser(env.api);
  await join(env.api, user, world.community.slug);
  if (role) await setRole(env.api, world.owner, world.community.slug, user.id, role);
  return user;
}

/** The world's owner sanctions `userId`; returns the sanction's id. */
export async function sanction(env: Env, world: World, userId: string, kind: SanctionKind): Promise<string> {
  const res = await env.api.request<{ sanction: Sanction }>('POST', `/api/communities/${world.community.slug}/members/${userId}/sanctions`, {
    token: world.owner.token,
    body: { kind, reason: `matrix ${kind}` },
  });
  if (res.status !== 201) throw new Error(`sanction failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.sanction.id;
}

/** A post by `author` that the flagging worker published (waited for with the owner's eyes: authors may be banned). */
export async function publishedPost(env: Env, world: World, author?: TestUser): Promise<string> {
  const by = author ?? (await world.author());
  const post = await createPost(env.api, by, world.community.slug, { body: `Halo semua, catatan rapat ${unique()} sudah saya unggah.` });
  await waitForPost(env.api, world.owner, post.id, (p: Post) => p.status === 'published');
  return post.id;
}

/** A post the lexicon holds for review, and its moderation item. */
export async function heldItem(env: Env, world: World, author?: TestUser): Promise<{ postId: string; itemId: string; version: number }> {
  const by = author ?? (await world.author());
  const post = await createPost(env.api, by, world.community.slug, { body: `Goblok banget sih jawabannya ${unique()}` });
  await waitForPost(env.api, world.owner, post.id, (p: Post) => p.review === 'awaiting_review');
  // The queue is paged and shared by every row; the item of one post is found by its post id directly.
  const item = await env.db.moderationItem.findUniqueOrThrow({ where: { postId: post.id }, select: { id: true, version: true } });
  return { postId: post.id, itemId: item.id, version: item.version };
}

/** A `flag` word rule with a pattern nothing else posts; returns its id. */
export async function wordRule(env: Env, world: World): Promise<string> {
  const res = await env.api.request<{ rule: { id: string } }>('POST', `/api/communities/${world.community.slug}/word-rules`, {
    token: world.owner.token,
    body: { pattern: `zzmatrix${unique()}`, match: 'word', action: 'flag' },
  });
  if (res.status !== 201) throw new Error(`word rule failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.rule.id;
}

/** A second session of the same user, for calls that end the session they come with. */
export async function newSession(env: Env, user: TestUser): Promise<string> {
  const res = await env.api.request<{ token: string }>('POST', '/api/auth/login', { body: { login: user.handle, password: 'kata-sandi-rahasia' } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Registers a user with a known password, for login calls. */
export function newUser(env: Env): Promise<TestUser> {
  return createUser(env.api);
}

export { unique };
