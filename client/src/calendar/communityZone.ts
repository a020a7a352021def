// The zone a community plans its posts in. Kept apart from scheduleTime.ts (luxon) so the feed can read it cheaply.
import type { Community } from '../../../server/contracts/api';

/** Western Indonesian time, where most communities are. */
const FALLBACK_ZONE = 'Asia/Jakarta';

/** The community's digest zone (a community setting), else western Indonesian time. */
export function communityZone(community: Pick<Community, 'settings'>): string {
  const zone = community.settings.digest.timezone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return FALLBACK_ZONE;
  }
}
