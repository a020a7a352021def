// The signed-in user: profile, language and notifications.
import type { Locale, Me, MeResponse, Notification, Page } from '../../../server/contracts/api';
import { requestJson, requestVoid } from './http';

export interface UpdateMeInput {
  displayName?: string;
  locale?: Locale;
}

/** The signed-in user and their memberships; 401 when signed out. */
export function getMe(): Promise<MeResponse> {
  return requestJson<MeResponse>('GET', '/api/me');
}

/** Changes the display name or the language the server writes to this user in. */
export function updateMe(input: UpdateMeInput): Promise<{ user: Me }> {
  return requestJson<{ user: Me }>('PATCH', '/api/me', { body: input });
}

/** One page of my notifications, newest first. */
export function listNotifications(query: { cursor?: string | null; limit?: number } = {}): Promise<Page<Notification>> {
  return requestJson<Page<Notification>>('GET', '/api/me/notifications', { query });
}

/** Marks notifications as read. */
export function markNotificationsRead(ids: string[]): Promise<void> {
  return requestVoid('POST', '/api/me/notifications/read', { body: { ids } });
}
