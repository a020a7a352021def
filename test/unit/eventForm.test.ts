// The web client's event form conversion (client/src/events/eventForm.ts): wall-clock time in a zone to UTC
// instants and back, including a zone with daylight saving time, the PATCH diff, and 422 details to fields.
import { describe, expect, it } from 'vitest';
import type { CommunityEvent } from '../../server/contracts/api';
import {
  createBody,
  emptyEventForm,
  fieldErrorsFromDetails,
  formFromEvent,
  formToInput,
  patchBody,
  wallClockToInstant,
  type EventFormValues,
} from '../../client/src/events/eventForm';
import { matchEventRoute, eventsPath } from '../../client/src/events/routes';
import { notificationHref } from '../../client/src/notifications/describeNotification';

function values(overrides: Partial<EventFormValues> = {}): EventFormValues {
  return {
    title: 'Kopdar Jakarta',
    description: 'Ngobrol santai',
    startDate: '2026-12-12',
    startTime: '19:00',
    endDate: '2026-12-12',
    endTime: '21:00',
    timezone: 'Asia/Jakarta',
    location: 'Taman Suropati',
    onlineUrl: '',
    capacity: '20',
    reminders: [120, 1440],
    ...overrides,
  };
}

function event(overrides: Partial<CommunityEvent> = {}): CommunityEvent {
  const user = { id: 'u1', handle: 'ani', displayName: 'Ani', locale: 'id' as const, createdAt: '2026-11-01T00:00:00.000Z' };
  return {
    id: 'ev1',
    communitySlug: 'kopdar',
    title: 'Kopdar Jakarta',
    description: 'Ngobrol santai',
    startsAt: '2026-12-12T12:00:00.000Z',
    endsAt: '2026-12-12T14:00:00.000Z',
    timezone: 'Asia/Jakarta',
    location: 'Taman Suropati',
    onlineUrl: null,
    capacity: 20,
    reminders: [1440, 120],
    status: 'scheduled',
    sequence: 3,
    counts: { going: 0, waitlisted: 0, interested: 0, checkedIn: 0 },
    myRsvp: null,
    createdBy: user,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    cancelledAt: null,
    ...overrides,
  };
}

describe('wallClockToInstant', () => {
  it('reads WIB, WITA and WIT wall clocks as their UTC instants', () => {
    expect(wallClockToInstant('2026-12-12', '19:00', 'Asia/Jakarta')).toEqual({ ok: true, iso: '2026-12-12T12:00:00.000Z' });
    expect(wallClockToInstant('2026-12-12', '19:00', 'Asia/Makassar')).toEqual({ ok: true, iso: '2026-12-12T11:00:00.000Z' });
    expect(wallClockToInstant('2026-12-12', '19:00', 'Asia/Jayapura')).toEqual({ ok: true, iso: '2026-12-12T10:00:00.000Z' });
  });

  it('uses the offset in force on that date in a daylight saving zone', () => {
    expect(wallClockToInstant('2026-01-15', '18:00', 'Europe/Amsterdam')).toEqual({ ok: true, iso: '2026-01-15T17:00:00.000Z' });
    expect(wallClockToInstant('2026-07-15', '18:00', 'Europe/Amsterdam')).toEqual({ ok: true, iso: '2026-07-15T16:00:00.000Z' });
  });

  it('refuses a time the clocks skip, takes the earlier of a repeated hour', () => {
    // 29 March 2026, 02:00 -> 03:00 in Amsterdam: 02:30 never happens.
    expect(wallClockToInstant('2026-03-29', '02:30', 'Europe/Amsterdam')).toEqual({ ok: false, problem: 'nonexistentTime' });
    // 25 October 2026, 03:00 -> 02:00: 02:30 happens twice, first in summer time (UTC+2).
    expect(wallClockToInstant('2026-10-25', '02:30', 'Europe/Amsterdam')).toEqual({ ok: true, iso: '2026-10-25T00:30:00.000Z' });
  });

  it('refuses empty values, impossible dates and unknown zones', () => {
    expect(wallClockToInstant('', '19:00', 'Asia/Jakarta')).toEqual({ ok: false, problem: 'required' });
    expect(wallClockToInstant('2026-02-30', '19:00', 'Asia/Jakarta')).toEqual({ ok: false, problem: 'invalidDate' });
    expect(wallClockToInstant('2026-12-12', '19:00', 'Asia/Atlantis')).toEqual({ ok: false, problem: 'invalidZone' });
  });
});

describe('formToInput', () => {
  it('builds the API body: instants in UTC, the zone, reminders largest first, empty fields as null', () => {
    const result = formToInput(values({ onlineUrl: ' ', capacity: '' }));
    expect(result).toEqual({
      ok: true,
      input: {
        title: 'Kopdar Jakarta',
        description: 'Ngobrol santai',
        startsAt: '2026-12-12T12:00:00.000Z',
        endsAt: '2026-12-12T14:00:00.000Z',
        timezone: 'Asia/Jakarta',
        location: 'Taman Suropati',
        onlineUrl: null,
        capacity: null,
        reminders: [1440, 120],
      },
    });
    if (!result.ok) throw new Error('expected ok');
    // The create body leaves the cleared fields out instead of sending null.
    expect(createBody(result.input)).toEqual({
      title: 'Kopdar Jakarta',
      description: 'Ngobrol santai',
      startsAt: '2026-12-12T12:00:00.000Z',
      endsAt: '2026-12-12T14:00:00.000Z',
      timezone: 'Asia/Jakarta',
      location: 'Taman Suropati',
      reminders: [1440, 120],
    });
  });

  it('lists every problem at once', () => {
    const result = formToInput(values({ title: '  ', endTime: '18:00', onlineUrl: 'javascript:alert(1)', capacity: '0' }));
    expect(result).toEqual({
      ok: false,
      errors: { title: 'required', end: 'endBeforeStart', onlineUrl: 'invalidUrl', capacity: 'invalidCapacity' },
    });
    expect(formToInput(values({ capacity: '1.5' }))).toMatchObject({ ok: false, errors: { capacity: 'invalidCapacity' } });
    expect(formToInput(values({ capacity: '100001' }))).toMatchObject({ ok: false, errors: { capacity: 'invalidCapacity' } });
    expect(formToInput(values({ startTime: '' }))).toMatchObject({ ok: false, errors: { start: 'required' } });
  });

  it('measures end after start in instants, so an event across the DST change of a zone is judged right', () => {
    // 01:30 to 03:10 on the spring-forward night in Amsterdam is 40 minutes, not 100: still valid.
    const result = formToInput(values({ timezone: 'Europe/Amsterdam', startDate: '2026-03-29', startTime: '01:30', endDate: '2026-03-29', endTime: '03:10' }));
    expect(result).toMatchObject({ ok: true, input: { startsAt: '2026-03-29T00:30:00.000Z', endsAt: '2026-03-29T01:10:00.000Z' } });
  });
});

describe('formFromEvent and patchBody', () => {
  it('shows an event\'s instants as wall-clock time in its own zone and back without change', () => {
    const form = formFromEvent(event());
    expect(form).toMatchObject({ startDate: '2026-12-12', startTime: '19:00', endDate: '2026-12-12', endTime: '21:00', capacity: '20' });
    const again = formToInput(form);
    if (!again.ok) throw new Error('expected ok');
    expect(patchBody(again.input, event())).toEqual({ sequence: 3 });
  });

  it('round-trips a summer event in a DST zone', () => {
    const summer = event({ timezone: 'America/New_York', startsAt: '2026-07-04T22:00:00.000Z', endsAt: '2026-07-05T01:30:00.000Z' });
    const form = formFromEvent(summer);
    expect(form).toMatchObject({ startDate: '2026-07-04', startTime: '18:00', endDate: '2026-07-04', endTime: '21:30' });
    const again = formToInput(form);
    if (!again.ok) throw new Error('expected ok');
    expect(again.input.startsAt).toBe(summer.startsAt);
    expect(again.input.endsAt).toBe(summer.endsAt);
  });

  it('sends only what changed, with null to clear and the loaded sequence', () => {
    const edited = formToInput(values({ startTime: '19:30', timezone: 'Asia/Makassar', location: '', capacity: '', reminders: [30] }));
    if (!edited.ok) throw new Error('expected ok');
    expect(patchBody(edited.input, event())).toEqual({
      sequence: 3,
      startsAt: '2026-12-12T11:30:00.000Z',
      endsAt: '2026-12-12T13:00:00.000Z',
      timezone: 'Asia/Makassar',
      location: null,
      capacity: null,
      reminders: [30],
    });
  });

  it('starts a new form tomorrow evening in Jakarta', () => {
    const fresh = emptyEventForm(new Date('2026-12-05T20:00:00Z'));
    // 20:00 UTC is already 03:00 on the 6th in Jakarta: tomorrow is the 7th there.
    expect(fresh).toMatchObject({ startDate: '2026-12-07', startTime: '19:00', endDate: '2026-12-07', endTime: '21:00', timezone: 'Asia/Jakarta' });
  });
});

describe('fieldErrorsFromDetails', () => {
  it('maps the server\'s paths to the form\'s fields with its sentences, and ignores the rest', () => {
    const details = [
      { path: 'body.endsAt', message: 'Waktu selesai harus setelah waktu mulai.', reason: 'end_before_start' },
      { path: 'body.capacity', message: 'too big' },
      { path: 'body.reminders.2', message: 'negative' },
      { path: 'body.timezone' },
      { path: 'body.somethingElse', message: '?' },
      { path: 'body', message: 'Nothing to change' },
      'garbage',
    ];
    expect(fieldErrorsFromDetails(details)).toEqual({
      end: 'Waktu selesai harus setelah waktu mulai.',
      capacity: 'too big',
      reminders: 'negative',
      timezone: '',
    });
    expect(fieldErrorsFromDetails(null)).toEqual({});
  });
});

describe('event routes and notification links', () => {
  it('matches the events paths and nothing else', () => {
    expect(matchEventRoute({ pathname: '/c/kopdar/events', search: '' })).toEqual({ name: 'list', slug: 'kopdar', view: 'list', month: null });
    expect(matchEventRoute({ pathname: '/c/kopdar/events', search: '?view=calendar&month=2026-12' })).toEqual({
      name: 'list',
      slug: 'kopdar',
      view: 'calendar',
      month: '2026-12',
    });
    expect(matchEventRoute({ pathname: '/c/kopdar/events', search: '?view=calendar&month=2026-13' })).toMatchObject({ month: null });
    expect(matchEventRoute({ pathname: '/c/kopdar/events/new', search: '' })).toEqual({ name: 'new', slug: 'kopdar' });
    expect(matchEventRoute({ pathname: '/events/ev1', search: '' })).toEqual({ name: 'event', id: 'ev1' });
    expect(matchEventRoute({ pathname: '/events/ev1/checkin', search: '' })).toEqual({ name: 'checkin', id: 'ev1' });
    expect(matchEventRoute({ pathname: '/me/events', search: '' })).toEqual({ name: 'mine' });
    expect(matchEventRoute({ pathname: '/c/kopdar', search: '' })).toBeNull();
    expect(matchEventRoute({ pathname: '/events/%E0%A4%A', search: '' })).toBeNull();
    expect(eventsPath('kopdar', { view: 'calendar', month: '2026-12' })).toBe('/c/kopdar/events?view=calendar&month=2026-12');
  });

  it('links event notifications to the event page', () => {
    expect(notificationHref({ kind: 'event_promoted', data: { eventId: 'ev1' } })).toBe('/events/ev1');
    expect(notificationHref({ kind: 'event_cancelled', data: { eventId: 'ev 2' } })).toBe('/events/ev%202');
    expect(notificationHref({ kind: 'post_held', data: { eventId: 'ev1' } })).toBeNull();
    expect(notificationHref({ kind: 'event_reminder', data: {} })).toBeNull();
  });
});
