// The small pages of one-click unsubscribe, for people who open the link in a browser: a confirmation with a button
// (a GET never unsubscribes: link scanners and previews fetch URLs) and the page after it. Bahasa Indonesia and English.
import type { EmailPreferenceKind } from './kinds';
import { escapeHtml, type MailLocale } from './render';

const WHAT: Record<EmailPreferenceKind, Record<MailLocale, string>> = {
  digest: { id: 'e-mail ringkasan', en: 'digest e-mails' },
  events: { id: 'e-mail tentang acara', en: 'e-mails about events' },
};

const WORDS = {
  id: {
    title: 'Berhenti berlangganan',
    ask: (what: string, community: string) => `Berhenti menerima ${what} dari ${community}?`,
    button: 'Ya, berhenti',
    done: (what: string, community: string) => `Anda tidak akan lagi menerima ${what} dari ${community}. Pemberitahuan di aplikasi tetap berjalan.`,
    again: 'Anda dapat menyalakannya lagi di pengaturan e-mail akun Anda.',
  },
  en: {
    title: 'Unsubscribe',
    ask: (what: string, community: string) => `Stop receiving ${what} from ${community}?`,
    button: 'Yes, stop them',
    done: (what: string, community: string) => `You will no longer receive ${what} from ${community}. In-app notifications carry on.`,
    again: 'You can switch them on again in your account’s e-mail settings.',
  },
} as const;

function page(locale: MailLocale, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(WORDS[locale].title)} · Rukun</title></head>`,
    '<body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5;">',
    body,
    '</body></html>',
  ].join('\n');
}

/** The question page: a form that POSTs to the same URL. */
export function unsubscribeQuestionPage(input: { locale: MailLocale; kind: EmailPreferenceKind; communityName: string }): string {
  const words = WORDS[input.locale];
  return page(
    input.locale,
    `<h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.ask(WHAT[input.kind][input.locale], input.communityName))}</p>` +
      `<form method="post"><button type="submit">${escapeHtml(words.button)}</button></form>`,
  );
}

/** The page after unsubscribing. */
export function unsubscribedPage(input: { locale: MailLocale; kind: EmailPreferenceKind; communityName: string }): string {
  const words = WORDS[input.locale];
  return page(input.locale, `<h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.done(WHAT[input.kind][input.locale], input.communityName))}</p><p>${escapeHtml(words.again)}</p>`);
}
