// /c/:slug/feedback: a member sends a question, suggestion or problem. The text is kept as a draft on the device until
// the server has it; success says what happens next and leads to "my feedback".
import { useId, useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import type { Feedback, FeedbackKind } from '../../../server/contracts/surveys';
import { ErrorNotice } from '../components/Notice';
import { useDraft } from '../components/useDraft';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { FEEDBACK_KINDS, FEEDBACK_MAX_LENGTH, sendFeedback } from './api';
import { useFbI18n } from './i18n/useFbI18n';
import { feedbackInboxPath, myFeedbackPath } from './routes';
import { canUseInbox } from './roles';

export function SendFeedbackPage({ community }: { community: Community }) {
  const { t, formatNumber } = useFbI18n();
  const [kind, setKind] = useState<FeedbackKind>('question');
  const [body, setBody] = useDraft(`rukun:feedback-draft:${community.slug}`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const [sent, setSent] = useState<Feedback | null>(null);
  const bodyId = useId();
  const length = body.trim().length;
  const over = body.length - FEEDBACK_MAX_LENGTH;

  const submit = (): void => {
    if (sending) return;
    if (length === 0) {
      setEmpty(true);
      return;
    }
    if (over > 0) return;
    setSending(true);
    setError(null);
    sendFeedback(community.slug, { kind, body: body.trim() }).then(
      (feedback) => {
        setSending(false);
        setBody('');
        setSent(feedback);
      },
      (failure: unknown) => {
        setSending(false);
        setError(failure);
      },
    );
  };

  return (
    <div className="fb-screen" data-testid="fb-send-page">
      <section className="card community-header">
        <Link to={communityPath(community.slug)} className="community-header__back">
          {t('fb.back')}
        </Link>
        <h1>{t('fb.send.title', { community: community.name })}</h1>
        <div className="fb-links">
          <Link to={myFeedbackPath()} className="button button--secondary" data-testid="fb-my-link">
            {t('fb.myLink')}
          </Link>
          {canUseInbox(community.myRole) && (
            <Link to={feedbackInboxPath(community.slug)} className="button button--secondary" data-testid="fb-inbox-link">
              {t('fb.inboxLink')}
            </Link>
          )}
        </div>
      </section>

      {sent ? (
        <section className="card fb-done" role="status" data-testid="fb-sent" data-feedback-id={sent.id}>
          <h2>{t('fb.send.doneTitle')}</h2>
          <p>{t('fb.send.doneText')}</p>
          <blockquote className="fb-text fb-quote">{sent.body}</blockquote>
          <div className="fb-actions">
            <Link to={myFeedbackPath(sent.id)} className="button" data-testid="fb-see-mine">
              {t('fb.send.seeMine')}
            </Link>
            <button type="button" className="button button--secondary" onClick={() => setSent(null)} data-testid="fb-send-another">
              {t('fb.send.another')}
            </button>
          </div>
        </section>
      ) : (
        <form
          className="card fb-form"
          data-testid="fb-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p>{t('fb.send.intro')}</p>
          <fieldset className="fb-kinds">
            <legend className="field__label">{t('fb.send.kind')}</legend>
            {FEEDBACK_KINDS.map((k) => (
              <label key={k} className={`fb-kind-choice${k === kind ? ' fb-kind-choice--on' : ''}`}>
                <input
                  type="radio"
                  name="fb-kind"
                  value={k}
                  checked={k === kind}
                  onChange={() => setKind(k)}
                  aria-labelledby={`${bodyId}-${k}`}
                  aria-describedby={`${bodyId}-${k}-hint`}
                  data-testid={`fb-kind-${k}`}
                />
                <span>
                  <strong id={`${bodyId}-${k}`}>{t(`fb.kind.${k}`)}</strong>
                  <small id={`${bodyId}-${k}-hint`}>{t(`fb.kindHint.${k}`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={bodyId}>
              {t('fb.send.body')}
            </label>
            <textarea
              id={bodyId}
              className="field__input fb-body"
              rows={6}
              value={body}
              onChange={(event) => {
                setBody(event.target.value);
                if (event.target.value.trim()) setEmpty(false);
              }}
              aria-invalid={empty || over > 0}
              aria-describedby={`${bodyId}-hint ${bodyId}-count`}
              data-testid="fb-body"
            />
            <p className="field__hint" id={`${bodyId}-hint`}>
              {t('fb.send.bodyHint')} {t('fb.send.draftKept')}
            </p>
            <p className={`fb-counter${over > 0 ? ' fb-counter--over' : ''}`} id={`${bodyId}-count`} data-testid="fb-counter">
              {t('fb.send.counter', { count: formatNumber(body.length), max: formatNumber(FEEDBACK_MAX_LENGTH) })}
            </p>
            {over > 0 && (
              <p className="field__error" role="alert">
                {t('fb.send.tooLong', { over: formatNumber(over) })}
              </p>
            )}
            {empty && (
              <p className="field__error" role="alert">
                {t('fb.send.empty')}
              </p>
            )}
          </div>
          {error !== null && <ErrorNotice error={error} onRetry={submit} />}
          <button type="submit" className="button" disabled={sending || over > 0} data-testid="fb-submit">
            {sending ? t('fb.send.sending') : t('fb.send.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
