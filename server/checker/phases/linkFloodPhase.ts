// Many links in one post is the commonest spam shape. Counted over body and title together.
import { round } from './hitReason';
import { busiestField } from './spamText';
import { NO_REASONS, type Phase } from './types';

/** Reports more links than the community allows (default: more than 3). */
export const linkFloodPhase: Phase = {
  name: 'linkFlood',
  run(ctx) {
    const { maxLinks, actions } = ctx.compiled.spam;
    const found = busiestField(ctx.fields, (f) => f.norm.entities.links);
    if (found === null || found.total <= maxLinks) return NO_REASONS;
    const first = found.spans[0];
    const last = found.spans[found.spans.length - 1];
    if (first === undefined || last === undefined) return NO_REASONS;
    return [
      {
        source: 'spam',
        kind: 'link_flood',
        field: found.field.field,
        match: found.field.text.slice(first.start, last.end),
        normalized: `${found.total} links`,
        entry: `more than ${maxLinks} links`,
        score: round(found.total / (maxLinks * 2)),
        action: actions.link_flood,
        start: first.start,
        end: last.end,
      },
    ];
  },
};
