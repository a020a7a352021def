// Accounts created to spam post links straight away; a member who joined under a day ago and posts a
// link gets a second look (flagged by default, not held: most new members are genuine).
import { round } from './hitReason';
import { busiestField } from './spamText';
import { NO_REASONS, type Phase } from './types';

const HOUR = 3_600_000;

/** Reports links from members who joined less than `newMemberHours` ago (default 24). */
export const newMemberLinkPhase: Phase = {
  name: 'newMemberLink',
  run(ctx) {
    const { newMemberHours, actions } = ctx.compiled.spam;
    if (ctx.now.getTime() - ctx.author.joinedAt.getTime() >= newMemberHours * HOUR) return NO_REASONS;
    const found = busiestField(ctx.fields, (f) => f.norm.entities.links);
    const first = found?.spans[0];
    if (found === null || first === undefined) return NO_REASONS;
    return [
      {
        source: 'spam',
        kind: 'new_member_link',
        field: found.field.field,
        match: found.field.text.slice(first.start, first.end),
        normalized: `${found.total} link(s)`,
        entry: `member for less than ${newMemberHours} hours`,
        score: round(0.5),
        action: actions.new_member_link,
        start: first.start,
        end: first.end,
      },
    ];
  },
};
