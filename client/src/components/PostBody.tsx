// A post's text with line breaks kept and recognised hashtags as links that filter the feed.
import { splitHashtags } from '../feed/hashtags';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';

/** Renders the body of a post. */
export function PostBody({ slug, body, tags }: { slug: string; body: string; tags: readonly string[] }) {
  const { t } = useI18n();
  return (
    <p className="post__body" data-testid="post-body">
      {splitHashtags(body, tags).map((piece, index) =>
        piece.kind === 'text' ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <Link
            key={index}
            to={communityPath(slug, piece.tag)}
            className="hashtag"
            title={t('feed.filterByTag', { tag: piece.tag })}
            data-testid="hashtag"
          >
            {piece.text}
          </Link>
        ),
      )}
    </p>
  );
}
