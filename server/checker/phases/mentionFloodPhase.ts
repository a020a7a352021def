// Tagging many people at once is how spam and pile-ons reach inboxes. Counted over body and title.
import { round } from './hitReason';
import { busiestField } from './spamText';
import { NO_REASONS, type Phase } from './types';

/** Reports more @mentions than the community allows (default: more than 5). */
export const mentionFloodPhase: Phase = {
  name: 'mentionFlood',
  run(ctx) {
    const { maxMentions, actions } = ctx.compiled.spam;
    const found = busiestField(ctx.fields, (f) => f.norm.entities.mentions);
    if (found === null || found.total <= maxMentions) return NO_REASONS;
    const first = found.spans[0];
    const last = found.spans[found.spans.length - 1];
    if (first === undefined || last === undefined) return NO_REASONS;
    return [
      {
        source: 'spam',
        kind: 'mention_flood',
        field: found.field.field,
        match: found.field.text.slice(first.start, last.end),
        normalized: `${found.total} mentions`,
        entry: `more than ${maxMentions} mentions`,
        score: round(found.total / (maxMentions * 2)),
        action: actions.mention_flood,
        start: first.start,
        end: last.end,
      },
    ];
  },
};
