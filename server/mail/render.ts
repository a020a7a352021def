// The words of every e-mail, in Bahasa Indonesia and English: a subject, a text part and an HTML part per message.
// Templates are pure functions of the outbox row's data; the worker adds the links (event page, unsubscribe).
import { DateTime } from 'luxon';
import type { MailKind } from './kinds';

export type MailLocale = 'id' | 'en';

export interface MailLinks {
  /** The page the message is about (an event), or the community. */
  page: string;
  /** One-click unsubscribe from this kind of e-mail in this community. */
  unsubscribe: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface EventNoticeData {
  title: string;
  startsAt: string;
  timezone: string;
  minutesBefore?: number;
  previousStartsAt?: string;
  communityName: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An instant as the reader reads it: in the event's zone, in the reader's language, with the zone named. */
export function formatWhen(iso: string, timezone: string, locale: MailLocale): string {
  const at = DateTime.fromISO(iso, { zone: timezone }).setLocale(locale === 'id' ? 'id-ID' : 'en-GB');
  const valid = at.isValid ? at : DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(locale === 'id' ? 'id-ID' : 'en-GB');
  return valid.toFormat("cccc, d LLLL yyyy, HH:mm ZZZZ");
}

/** "1 jam" / "1 hour", "2 hari" / "2 days", "30 menit" / "30 minutes". */
export function formatLead(minutes: number, locale: MailLocale): string {
  const [count, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  if (locale === 'id') return `${count} ${unit === 'day' ? 'hari' : unit === 'hour' ? 'jam' : 'menit'}`;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

const FOOTER = {
  id: (community: string) => `Anda menerima e-mail ini karena Anda anggota ${community} di Rukun dan terdaftar pada acara ini.`,
  en: (community: string) => `You receive this e-mail because you are a member of ${community} on Rukun and answered this event.`,
};
const UNSUBSCRIBE = {
  id: 'Berhenti menerima e-mail acara dari komunitas ini',
  en: 'Stop e-mails about events from this community',
};
const OPEN = { id: 'Lihat acara', en: 'View the event' };

function eventLines(kind: MailKind, data: EventNoticeData, locale: MailLocale): { subject: string; lead: string } {
  const when = formatWhen(data.startsAt, data.timezone, locale);
  if (kind === 'event_cancelled') {
    return locale === 'id'
      ? { subject: `Dibatalkan: ${data.title}`, lead: `Acara "${data.title}" pada ${when} dibatalkan.` }
      : { subject: `Cancelled: ${data.title}`, lead: `The event "${data.title}" on ${when} has been cancelled.` };
  }
  if (kind === 'event_moved') {
    const before = data.previousStartsAt ? formatWhen(data.previousStartsAt, data.timezone, locale) : null;
    return locale === 'id'
      ? { subject: `Waktu baru: ${data.title}`, lead: `Acara "${data.title}" dipindahkan ke ${when}${before ? ` (sebelumnya ${before})` : ''}.` }
      : { subject: `New time: ${data.title}`, lead: `The event "${data.title}" has moved to ${when}${before ? ` (it was ${before})` : ''}.` };
  }
  const lead = formatLead(data.minutesBefore ?? 0, locale);
  return locale === 'id'
    ? { subject: `Pengingat: ${data.title} dimulai ${lead} lagi`, lead: `Acara "${data.title}" dimulai ${lead} lagi, pada ${when}.` }
    : { subject: `Reminder: ${data.title} starts in ${lead}`, lead: `The event "${data.title}" starts in ${lead}, on ${when}.` };
}

/** The message of one event notice (reminder, cancellation, move) for one reader. */
export function renderEventNotice(kind: MailKind, data: EventNoticeData, locale: MailLocale, links: MailLinks): RenderedMail {
  const { subject, lead } = eventLines(kind, data, locale);
  const footer = FOOTER[locale](data.communityName);
  const text = [lead, '', `${OPEN[locale]}: ${links.page}`, '', '--', footer, `${UNSUBSCRIBE[locale]}: ${links.unsubscribe}`, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">',
    `<p>${escapeHtml(lead)}</p>`,
    `<p><a href="${escapeHtml(links.page)}">${escapeHtml(OPEN[locale])}</a></p>`,
    `<hr><p style="font-size: 0.85em; color: #52606d;">${escapeHtml(footer)}<br><a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(UNSUBSCRIBE[locale])}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** The message of an outbox row of `kind`, or null for a kind this version cannot word (the row then fails). */
export function renderMail(input: { kind: MailKind; data: Record<string, unknown>; locale: MailLocale; links: MailLinks }): RenderedMail | null {
  if (input.kind === 'event_reminder' || input.kind === 'event_cancelled' || input.kind === 'event_moved') {
    const d = input.data;
    if (typeof d.title !== 'string' || typeof d.startsAt !== 'string' || typeof d.timezone !== 'string') return null;
    return renderEventNotice(input.kind, {
      title: d.title,
      startsAt: d.startsAt,
      timezone: d.timezone,
      communityName: typeof d.communityName === 'string' ? d.communityName : 'Rukun',
      ...(typeof d.minutesBefore === 'number' ? { minutesBefore: d.minutesBefore } : {}),
      ...(typeof d.previousStartsAt === 'string' ? { previousStartsAt: d.previousStartsAt } : {}),
    }, input.locale, input.links);
  }
  // Digest e-mails are worded by the digests work, which writes those rows.
  return null;
}
