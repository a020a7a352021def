// Request schemas of the event routes. The rules and their sentences live in server/lib/eventRules.ts; here they
// become zod issues (custom, with `reason` and both languages, which validate.ts localises). Unknown fields are
// refused: a misspelt `capacty` silently ignored would leave a manager believing the event is capped.
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import {
  DEFAULT_EVENT_TIMEZONE,
  EVENT_LIMITS,
  capacityProblem,
  checkTimezone,
  instantProblem,
  nothingToChangeProblem,
  onlineUrlProblem,
  parseInstant,
  remindersProblem,
  scheduleProblems,
  textProblem,
  type EventProblem,
} from '../../lib/eventRules';

type Ctx = { addIssue: (issue: z.core.$ZodRawIssue) => void };

/** Adds a rule's problem as a custom issue (at the field's path when the check runs on the whole body). */
export function addProblem(ctx: Ctx, problem: EventProblem | null, options: { atField?: boolean } = {}): void {
  if (!problem) return;
  ctx.addIssue({
    code: 'custom',
    message: problem.messages.en,
    input: undefined,
    ...(options.atField && problem.field ? { path: [problem.field] } : {}),
    params: { reason: problem.reason, messages: problem.messages },
  });
}

function eventText(field: string, bounds: { min: number; max: number }) {
  return z
    .string()
    .transform((s) => s.trim())
    .superRefine((s, ctx) => addProblem(ctx, textProblem(field, s, bounds)))
    .meta({ minLength: bounds.min, maxLength: bounds.max, description: 'Trimmed.' });
}

/** Optional text where an empty value means "none" (stored as null). */
function optionalText(field: string, max: number) {
  return eventText(field, { min: 0, max }).transform((s) => (s === '' ? null : s));
}

function instant(field: string) {
  return z
    .string()
    .transform((s, ctx) => {
      const at = parseInstant(s);
      if (at) return at;
      addProblem(ctx, instantProblem(field));
      return z.NEVER;
    })
    .meta({ format: 'date-time', description: 'ISO 8601 instant with Z or an offset' });
}

const timezone = z
  .string()
  .transform((s, ctx) => {
    const checked = checkTimezone(s);
    if ('zone' in checked) return checked.zone;
    addProblem(ctx, checked.problem);
    return z.NEVER;
  })
  .meta({ maxLength: EVENT_LIMITS.timezoneMax, description: 'IANA zone name, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)' });

const capacity = z
  .number()
  .superRefine((n, ctx) => addProblem(ctx, capacityProblem(n)))
  .meta({ minimum: 1, maximum: EVENT_LIMITS.capacityMax, description: 'A whole number of going members; null (or absent): no limit' });

const reminders = z
  .array(z.number())
  .superRefine((list, ctx) => addProblem(ctx, remindersProblem(list)))
  .meta({ maxItems: EVENT_LIMITS.remindersMax, description: 'Distinct minutes before the start, each 1..40320' });

const onlineUrl = optionalText('onlineUrl', EVENT_LIMITS.onlineUrlMax).superRefine((url, ctx) => {
  if (url !== null) addProblem(ctx, onlineUrlProblem(url));
});

const fields = {
  title: eventText('title', { min: 1, max: EVENT_LIMITS.titleMax }),
  description: eventText('description', { min: 0, max: EVENT_LIMITS.descriptionMax }),
  startsAt: instant('startsAt'),
  endsAt: instant('endsAt'),
  timezone,
  location: optionalText('location', EVENT_LIMITS.locationMax),
  onlineUrl,
  capacity,
  reminders,
};

/** POST /communities/:slug/events. Time rules read `clock` when the body is parsed. */
export function createEventBody(clock: Clock) {
  return z
    .strictObject({
      title: fields.title,
      description: fields.description.optional(),
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      timezone: fields.timezone.default(DEFAULT_EVENT_TIMEZONE),
      location: fields.location.nullable().optional(),
      onlineUrl: fields.onlineUrl.nullable().optional(),
      capacity: fields.capacity.nullable().optional(),
      reminders: fields.reminders.optional(),
    })
    .superRefine((body, ctx) => {
      for (const p of scheduleProblems({ startsAt: body.startsAt, endsAt: body.endsAt, now: clock(), startChanged: true })) addProblem(ctx, p, { atField: true });
    });
}

/**
 * PATCH /events/:id: any of the create fields; location, onlineUrl and capacity may be null (cleared). `sequence` is
 * the one the editor loaded. Start and end are checked together with the stored event by the route.
 */
export const updateEventBody = z
  .strictObject({
    title: fields.title.optional(),
    description: fields.description.optional(),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    timezone: fields.timezone.optional(),
    location: fields.location.nullable().optional(),
    onlineUrl: fields.onlineUrl.nullable().optional(),
    capacity: fields.capacity.nullable().optional(),
    reminders: fields.reminders.optional(),
    sequence: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .superRefine((body, ctx) => {
    if (Object.keys(body).every((key) => key === 'sequence')) addProblem(ctx, nothingToChangeProblem());
  });

export type CreateEventBody = z.output<ReturnType<typeof createEventBody>>;
export type UpdateEventBody = z.output<typeof updateEventBody>;

/** GET /communities/:slug/events: a range (events running in [from, to)) and a page. */
export const listEventsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });
