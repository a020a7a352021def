// The same text from the same author within minutes (compared after normalisation, so changed case,
// spacing, repeated letters or look-alike characters do not make a copy "new"). Very short texts
// ("ok", "+1", "makasih") are legitimately repeated and are ignored.
import type { CheckReason } from '../types';
import { round } from './hitReason';
import { fingerprint, hasFingerprint, startsWithFingerprint } from './fingerprint';
import { NO_REASONS, type Phase } from './types';

const MINUTE = 60_000;
const PREFIX = 12;

/** Reports a post that repeats one of the author's posts from the last few minutes. */
export const duplicatePhase: Phase = {
  name: 'duplicate',
  run(ctx) {
    const { duplicateWindowMinutes, duplicateMinLength, actions } = ctx.compiled.spam;
    const now = ctx.now.getTime();
    const since = now - duplicateWindowMinutes * MINUTE;
    const recent = ctx.author.recentPosts.filter((p) => p.createdAt.getTime() >= since && p.createdAt.getTime() <= now);
    if (recent.length === 0) return NO_REASONS;
    const text = ctx.body.text;
    const prefix = fingerprint(text, PREFIX);
    const candidates = recent.filter((p) => startsWithFingerprint(p.body, prefix));
    if (candidates.length === 0) return NO_REASONS;
    const mine = fingerprint(text);
    if (letterCount(mine) < duplicateMinLength) return NO_REASONS;
    const copy = candidates.find((p) => hasFingerprint(p.body, mine));
    if (copy === undefined) return NO_REASONS;
    const minutes = Math.max(0, Math.round((now - copy.createdAt.getTime()) / MINUTE));
    const reason: CheckReason = {
      source: 'spam',
      kind: 'duplicate',
      field: 'body',
      match: text,
      normalized: mine,
      entry: `same text posted ${minutes} minute(s) ago`,
      score: round(0.8),
      action: actions.duplicate,
      start: 0,
      end: text.length,
    };
    return [reason];
  },
};

function letterCount(fingerprintText: string): number {
  let n = 0;
  for (let i = 0; i < fingerprintText.length; i++) if (fingerprintText.charCodeAt(i) !== 32) n++;
  return n;
}
