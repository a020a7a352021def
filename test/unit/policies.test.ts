import { describe, expect, it } from 'vitest';
import type { Role, SanctionKind } from '../../server/contracts/api';
import { AppError } from '../../server/errors';
import type { Actor } from '../../server/policies/actor';
import { authorize, authorizeRoleChange, authorizeSanction, isStaff } from '../../server/policies/community';

const actor = (role: Role | null, extra: { banned?: boolean; sanctions?: SanctionKind[] } = {}): Actor => ({
  userId: 'u1',
  role,
  banned: extra.banned ?? false,
  sanctions: extra.sanctions ?? [],
});

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not-an-app-error';
  }
}

describe('community policy', () => {
  it('orders roles: a higher role can do what a lower one can', () => {
    expect(codeOf(() => authorize(actor('member'), 'post.create'))).toBeNull();
    expect(codeOf(() => authorize(actor('member'), 'members.list'))).toBe('forbidden');
    expect(codeOf(() => authorize(actor('moderator'), 'members.list'))).toBeNull();
    expect(codeOf(() => authorize(actor('moderator'), 'settings.update'))).toBe('forbidden');
    expect(codeOf(() => authorize(actor('manager'), 'settings.update'))).toBeNull();
    expect(codeOf(() => authorize(actor('owner'), 'sanction.ban'))).toBeNull();
  });

  it('tells non-members to join and banned users that they are banned', () => {
    expect(codeOf(() => authorize(actor(null), 'post.create'))).toBe('not_a_member');
    expect(codeOf(() => authorize(actor(null), 'settings.update'))).toBe('forbidden');
    expect(codeOf(() => authorize(actor(null, { banned: true }), 'post.react'))).toBe('banned');
  });

  it('enforces mute on posting and suspend on posting and reacting', () => {
    expect(codeOf(() => authorize(actor('member', { sanctions: ['mute'] }), 'post.create'))).toBe('muted');
    expect(codeOf(() => authorize(actor('member', { sanctions: ['mute'] }), 'post.react'))).toBeNull();
    expect(codeOf(() => authorize(actor('member', { sanctions: ['suspend'] }), 'post.react'))).toBe('suspended');
    expect(codeOf(() => authorize(actor('member', { sanctions: ['warn'] }), 'post.create'))).toBeNull();
  });

  it('lets owners grant up to manager and managers up to moderator, never above their own rank', () => {
    expect(codeOf(() => authorizeRoleChange(actor('owner'), { role: 'member' }, 'manager'))).toBeNull();
    expect(codeOf(() => authorizeRoleChange(actor('manager'), { role: 'member' }, 'moderator'))).toBeNull();
    expect(codeOf(() => authorizeRoleChange(actor('manager'), { role: 'member' }, 'manager'))).toBe('forbidden');
    expect(codeOf(() => authorizeRoleChange(actor('manager'), { role: 'manager' }, 'member'))).toBe('forbidden');
    expect(codeOf(() => authorizeRoleChange(actor('owner'), { role: 'owner' }, 'member'))).toBe('forbidden');
    expect(codeOf(() => authorizeRoleChange(actor('moderator'), { role: 'member' }, 'moderator'))).toBe('forbidden');
  });

  it('keeps bans for managers and protects equal or higher ranks from sanctions', () => {
    expect(codeOf(() => authorizeSanction(actor('moderator'), { role: 'member' }, 'suspend'))).toBeNull();
    expect(codeOf(() => authorizeSanction(actor('moderator'), { role: 'member' }, 'ban'))).toBe('forbidden');
    expect(codeOf(() => authorizeSanction(actor('manager'), { role: 'member' }, 'ban'))).toBeNull();
    expect(codeOf(() => authorizeSanction(actor('moderator'), { role: 'moderator' }, 'warn'))).toBe('forbidden');
  });

  it('counts moderators and above as staff, but not banned ones', () => {
    expect(isStaff(actor('member'))).toBe(false);
    expect(isStaff(actor('moderator'))).toBe(true);
    expect(isStaff(actor('owner', { banned: true }))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});
