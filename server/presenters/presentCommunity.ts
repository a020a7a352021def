import type { Community, CommunitySettings, Locale, Role } from '../contracts/api';
import { communityLexiconActions } from '../lib/lexiconActions';

export interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  locale: string;
  moderationMode: string;
  reportThreshold: number;
  digestCadence: string;
  digestHour: number;
  digestWeekday: number | null;
  digestTimezone: string;
  lexiconActions: string;
  createdAt: Date;
}

/** The settings block of a community. */
export function presentSettings(row: CommunityRow): CommunitySettings {
  return {
    moderationMode: row.moderationMode === 'pre' ? 'pre' : 'auto',
    reportThreshold: row.reportThreshold,
    digest: {
      cadence: row.digestCadence as CommunitySettings['digest']['cadence'],
      hour: row.digestHour,
      weekday: row.digestWeekday,
      timezone: row.digestTimezone,
    },
    lexiconActions: communityLexiconActions(row.lexiconActions),
  };
}

/** A community with its settings, member count and the caller's role. */
export function presentCommunity(row: CommunityRow, extra: { memberCount: number; myRole: Role | null }): Community {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    locale: row.locale as Locale,
    createdAt: row.createdAt.toISOString(),
    settings: presentSettings(row),
    memberCount: extra.memberCount,
    myRole: extra.myRole,
  };
}
