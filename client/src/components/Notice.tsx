// Friendly states: an error with an optional retry, an empty list, a loading line.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from '../i18n/errorMessage';

/** An error sentence in the reader's language, announced to screen readers. */
export function ErrorNotice({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const i18n = useI18n();
  return (
    <div className="notice notice--error" role="alert" data-testid={testId ?? 'error-notice'}>
      <p>{describeError(error, i18n)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A calm message for an empty list, with an optional next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice--empty" data-testid="empty-state">
      <p className="notice__title">{title}</p>
      {children}
    </div>
  );
}

/** A loading line for screen readers and eyes. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
