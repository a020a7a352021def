// Events written straight to the database, for suites that test RSVPs, calendars or reminders without going through
// the create route (its own suite covers that). The row is what the create command would write.
import type { Db } from '../../server/db/client';

export interface EventRowInput {
  communitySlug: string;
  createdById: string;
  title?: string;
  description?: string;
  startsAt?: Date;
  endsAt?: Date;
  timezone?: string;
  location?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  reminders?: number[];
  status?: 'scheduled' | 'cancelled';
}

const hour = 3_600_000;

/** Inserts an event (by default tomorrow for two hours, Asia/Jakarta, no capacity, no reminders) and returns its row. */
export async function insertEvent(db: Db, input: EventRowInput) {
  const community = await db.community.findUniqueOrThrow({ where: { slug: input.communitySlug }, select: { id: true } });
  const startsAt = input.startsAt ?? new Date(Date.now() + 24 * hour);
  return db.event.create({
    data: {
      communityId: community.id,
      createdById: input.createdById,
      title: input.title ?? 'Kopdar',
      description: input.description ?? '',
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + 2 * hour),
      timezone: input.timezone ?? 'Asia/Jakarta',
      location: input.location ?? 'Jakarta',
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
      reminders: JSON.stringify(input.reminders ?? []),
      status: input.status ?? 'scheduled',
      ...(input.status === 'cancelled' ? { cancelledAt: new Date() } : {}),
    },
  });
}
