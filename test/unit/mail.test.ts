// Pure pieces of the e-mail work: unsubscribe tokens, the wording in both languages, error classification, redaction.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/logger';
import { mailKindsOf, preferenceKindOf } from '../../server/mail/kinds';
import { parseMessage } from '../../server/mail/mimeMessage';
import { formatLead, renderMail } from '../../server/mail/render';
import { classifySendError, messageIdDomain } from '../../server/mail/transport';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../../server/mail/unsubscribeToken';

const key = randomBytes(32);
const subject = { userId: '0193a0b0-0000-7000-8000-000000000001', communityId: '0193a0b0-0000-7000-8000-000000000002', kind: 'digest' as const };
const links = { page: 'https://r.test/events/e1', unsubscribe: 'https://r.test/api/unsubscribe/t' };

describe('unsubscribe tokens', () => {
  it('name member, community and kind, and only under their own key', () => {
    const token = signUnsubscribeToken(key, subject);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(key, token)).toEqual(subject);
    expect(verifyUnsubscribeToken(randomBytes(32), token)).toBeNull();
    expect(signUnsubscribeToken(key, { ...subject, kind: 'events' })).not.toBe(token);
  });

  it('refuse tampering and garbage', () => {
    const token = signUnsubscribeToken(key, subject);
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(`u1|${subject.userId}|${subject.communityId}|events`).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${payload}.${mac}x`, `${payload}`, `${token}.x`, '', '.', 'a.b', `${payload}.${'A'.repeat(43)}`, 'x'.repeat(500)]) {
      expect(verifyUnsubscribeToken(key, bad), bad).toBeNull();
    }
  });
});

describe('e-mail wording', () => {
  it('words a reminder, a cancellation and a move in Indonesian and English', () => {
    const data = { title: 'Kopdar <Akbar>', startsAt: '2026-12-24T12:00:00.000Z', timezone: 'Asia/Jakarta', minutesBefore: 1440, communityName: 'Warga' };
    const id = renderMail({ kind: 'event_reminder', data, locale: 'id', links });
    const en = renderMail({ kind: 'event_reminder', data, locale: 'en', links });
    expect(id?.subject).toBe('Pengingat: Kopdar <Akbar> dimulai 1 hari lagi');
    expect(en?.subject).toBe('Reminder: Kopdar <Akbar> starts in 1 day');
    expect(id?.text).toContain('Kamis, 24 Desember 2026, 19:00 WIB');
    expect(en?.text).toContain('Thursday, 24 December 2026, 19:00');
    // Titles are people's text: escaped in HTML.
    expect(en?.html).toContain('Kopdar &lt;Akbar&gt;');
    expect(en?.html).not.toContain('<Akbar>');
    expect(renderMail({ kind: 'event_cancelled', data, locale: 'id', links })?.subject).toBe('Dibatalkan: Kopdar <Akbar>');
    const moved = renderMail({ kind: 'event_moved', data: { ...data, previousStartsAt: '2026-12-23T12:00:00.000Z' }, locale: 'en', links });
    expect(moved?.subject).toBe('New time: Kopdar <Akbar>');
    expect(moved?.text).toContain('it was Wednesday, 23 December 2026');
    expect(renderMail({ kind: 'event_reminder', data: { title: 1 }, locale: 'en', links })).toBeNull();
  });

  it('says lead times in whole units', () => {
    expect(formatLead(60, 'id')).toBe('1 jam');
    expect(formatLead(120, 'en')).toBe('2 hours');
    expect(formatLead(30, 'en')).toBe('30 minutes');
    expect(formatLead(2880, 'id')).toBe('2 hari');
  });
});

describe('mail plumbing', () => {
  it('groups event notices under one switch and digests under another', () => {
    expect(preferenceKindOf('event_moved')).toBe('events');
    expect(preferenceKindOf('digest')).toBe('digest');
    expect(mailKindsOf('events')).toEqual(['event_reminder', 'event_cancelled', 'event_moved']);
  });

  it('judges SMTP failures: 5xx for good, 4xx for now, no reply code an outage', () => {
    expect(classifySendError(Object.assign(new Error('x'), { responseCode: 550 }))).toBe('permanent');
    expect(classifySendError(Object.assign(new Error('x'), { responseCode: 451 }))).toBe('recipient');
    expect(classifySendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe('connection');
  });

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(messageIdDomain('Rukun <no-reply@rukun.id>')).toBe('rukun.id');
    expect(messageIdDomain('kabar@warga.test')).toBe('warga.test');
    expect(messageIdDomain('nobody')).toBe('rukun.localhost');
  });

  it('redacts unsubscribe tokens from logged URLs', () => {
    expect(redactUrl('/api/unsubscribe/abc.def?x=1')).toBe('/api/unsubscribe/[Redacted]?x=1');
    expect(redactUrl('/api/UNSUBSCRIBE//abc')).toBe('/api/UNSUBSCRIBE//[Redacted]');
  });

  it('reads quoted-printable parts and encoded-word subjects', () => {
    const raw = ['Subject: =?UTF-8?Q?Pengingat=3A_caf=C3=A9?=', 'Content-Type: multipart/alternative; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'caf=C3=A9 =', 'ok', '--b', 'Content-Type: text/html', 'Content-Transfer-Encoding: base64', '', Buffer.from('<p>hi</p>').toString('base64'), '--b--', ''].join('\r\n');
    const parsed = parseMessage(raw);
    expect(parsed.subject).toBe('Pengingat: café');
    expect(parsed.text).toBe('café ok');
    expect(parsed.html).toBe('<p>hi</p>');
  });
});
