// A held feedback's reason in words a moderator reads at a glance ("Aturan kata komunitas: “kampret”", "Daftar kata
// bawaan (hinaan, berat): “bangsat”"), falling back to the checker's own names for anything it does not know.
import type { HeldReason } from './conflict';
import type { FbTranslate } from './i18n/types';

const KINDS = ['word_rule', 'phrase_rule', 'regex_rule', 'lexicon'] as const;
const CATEGORIES = ['profanity', 'insult', 'sexual', 'slur'] as const;
const SEVERITIES = ['mild', 'strong', 'severe'] as const;

const known = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/** One line for a reason. */
export function reasonText(reason: HeldReason, t: FbTranslate): string {
  const { kind, category, severity } = reason;
  let what = reason.source;
  if (known(KINDS, kind)) {
    const details = [known(CATEGORIES, category) ? t(`fb.reason.category.${category}`) : category, known(SEVERITIES, severity) ? t(`fb.reason.severity.${severity}`) : severity].filter(
      (part): part is string => Boolean(part),
    );
    what = details.length > 0 && kind === 'lexicon' ? t('fb.reason.withDetails', { what: t(`fb.reason.kind.${kind}`), details: details.join(', ') }) : t(`fb.reason.kind.${kind}`);
  }
  const score = reason.score === null ? null : reason.score.toFixed(2);
  if (reason.match && score !== null) return t('fb.item.reason', { source: what, match: reason.match, score });
  if (reason.match) return t('fb.item.reasonMatch', { source: what, match: reason.match });
  if (score !== null) return t('fb.item.reasonNoMatch', { source: what, score });
  return what;
}
