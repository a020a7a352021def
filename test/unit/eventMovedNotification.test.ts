// The `event_moved` notification read in each language, and where it leads (client/src/notifications).
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../server/contracts/api';
import { en } from '../../client/src/i18n/en';
import { interpolate } from '../../client/src/i18n/format';
import { id } from '../../client/src/i18n/id';
import type { Translate } from '../../client/src/i18n/types';
import { describeNotification } from '../../client/src/notifications/describeNotification';

const translator = (dictionary: Record<string, string>): Translate =>
  ((key: string, vars?: Record<string, string | number>) => interpolate(dictionary[key] ?? key, vars)) as Translate;

const moved: Notification = {
  id: 'n1',
  kind: 'event_moved',
  communitySlug: 'warga',
  data: { eventId: 'ev 1', title: 'Kopdar Desember', startsAt: '2026-12-06T03:00:00.000Z', timezone: 'Asia/Jakarta', previousStartsAt: '2026-12-05T03:00:00.000Z' },
  readAt: null,
  createdAt: '2026-12-05T01:00:00.000Z',
};

describe('event_moved notification', () => {
  it('says the event has a new time, in Indonesian and in English, and leads to the event page', () => {
    const inId = describeNotification(moved, translator(id));
    const inEn = describeNotification(moved, translator(en));
    expect(inId.text).toBe('Waktu Kopdar Desember berubah. Buka acaranya untuk melihat jadwal baru.');
    expect(inEn.text).toBe('Kopdar Desember has a new time. Open the event to see it.');
    expect(inId.href).toBe('/events/ev%201');
    expect(inEn.reason).toBeNull();
  });
});
