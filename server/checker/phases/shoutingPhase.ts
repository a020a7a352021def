// A long post written mostly in capitals. Short ones ("OK", "MANTAP!", "B U L L S H I T" is for the
// lexicon) are not shouting; only letters that have case are counted, so numbers and emoji do not dilute it.
import { round } from './hitReason';
import { NO_REASONS, type Phase } from './types';

/** Reports a body that is mostly capitals (default: at least 20 letters, at least 70% upper case). */
export const shoutingPhase: Phase = {
  name: 'shouting',
  run(ctx) {
    const { shoutingMinLetters, shoutingRatio, actions } = ctx.compiled.spam;
    const text = ctx.body.text;
    if (text.length < shoutingMinLetters) return NO_REASONS;
    const { upper, letters } = countCase(text, shoutingRatio);
    if (letters < shoutingMinLetters || upper / letters < shoutingRatio) return NO_REASONS;
    return [
      {
        source: 'spam',
        kind: 'shouting',
        field: 'body',
        match: text,
        normalized: `${Math.round((upper / letters) * 100)}% capitals`,
        entry: `at least ${Math.round(shoutingRatio * 100)}% capitals`,
        score: round((upper / letters) * 0.5),
        action: actions.shouting,
        start: 0,
        end: text.length,
      },
    ];
  },
};

// Stops early once enough lower-case letters are seen that the ratio cannot be reached (letters never
// exceed the text's length), so ordinary posts cost a few characters, not a full scan.
function countCase(text: string, ratio: number): { upper: number; letters: number } {
  let upper = 0;
  let letters = 0;
  const lowerLimit = (1 - ratio) * text.length;
  for (let i = 0; i < text.length; i++) {
    if (letters - upper > lowerLimit) return { upper: 0, letters };
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) {
      letters++;
    } else if (c >= 128) {
      const char = text[i] ?? '';
      const lower = char.toLowerCase();
      const up = char.toUpperCase();
      if (lower !== up) {
        letters++;
        if (char === up) upper++;
      }
    }
  }
  return { upper, letters };
}
