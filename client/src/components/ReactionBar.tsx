// The four reactions with their counts; mine are pressed. One request per kind at a time.
import { useState } from 'react';
import { REACTION_KINDS, type Post, type ReactionKind } from '../../../server/contracts/api';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/types';

const EMOJI: Record<ReactionKind, string> = { like: '👍', love: '❤️', insightful: '💡', funny: '😄' };
const NAMES: Record<ReactionKind, PlainKey> = {
  like: 'reaction.like',
  love: 'reaction.love',
  insightful: 'reaction.insightful',
  funny: 'reaction.funny',
};

export interface ReactionBarProps {
  post: Post;
  onReact: (post: Post, kind: ReactionKind) => Promise<void>;
  onError: (error: unknown) => void;
  /** Non-members see the counts but cannot react. */
  readOnly: boolean;
}

/** Reaction buttons for a published post. */
export function ReactionBar({ post, onReact, onError, readOnly }: ReactionBarProps) {
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = useState<ReactionKind | null>(null);

  const react = (kind: ReactionKind): void => {
    setBusy(kind);
    onReact(post, kind)
      .catch(onError)
      .finally(() => setBusy(null));
  };

  return (
    <div className="reactions" role="group" aria-label={t('reaction.group')}>
      {REACTION_KINDS.map((kind) => {
        const mine = post.myReactions.includes(kind);
        const count = post.reactions[kind];
        return (
          <button
            key={kind}
            type="button"
            className={mine ? 'reaction reaction--mine' : 'reaction'}
            aria-pressed={mine}
            aria-label={t('reaction.label', { name: t(NAMES[kind]), count: formatNumber(count) })}
            disabled={readOnly || busy === kind}
            onClick={() => react(kind)}
            data-testid={`reaction-${kind}`}
          >
            <span aria-hidden="true">{EMOJI[kind]}</span>
            <span className="reaction__count">{formatNumber(count)}</span>
          </button>
        );
      })}
    </div>
  );
}
