// A community in the list: name, description, members, and a join or open action.
import { useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import { joinCommunity } from '../api/communities';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/types';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { ErrorNotice } from './Notice';

export const ROLE_KEYS: Record<NonNullable<Community['myRole']>, PlainKey> = {
  member: 'role.member',
  moderator: 'role.moderator',
  manager: 'role.manager',
  owner: 'role.owner',
};

/** One community with its join button. */
export function CommunityCard({ community, onJoined }: { community: Community; onJoined: (slug: string) => void }) {
  const { t, tn } = useI18n();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const join = (): void => {
    setJoining(true);
    setError(null);
    joinCommunity(community.slug).then(
      () => onJoined(community.slug),
      (failure: unknown) => {
        setError(failure);
        setJoining(false);
      },
    );
  };

  return (
    <li className="card community" data-testid="community-card" data-slug={community.slug}>
      <div className="community__text">
        <h3 className="community__name">
          <Link to={communityPath(community.slug)}>{community.name}</Link>
        </h3>
        {community.description && <p className="community__description">{community.description}</p>}
        <p className="community__meta">
          {tn('community.members', community.memberCount)}
          {community.myRole && <span className="badge badge--role"> {t(ROLE_KEYS[community.myRole])}</span>}
        </p>
      </div>
      {community.myRole ? (
        <Link to={communityPath(community.slug)} className="button button--secondary" data-testid="community-open">
          {t('community.open')}
        </Link>
      ) : (
        <button type="button" className="button" onClick={join} disabled={joining} data-testid="community-join">
          {joining ? t('community.joining') : t('community.join')}
        </button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}
