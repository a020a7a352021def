// The audit log (moderators): who did what to what, why and when, newest first, paged.
import { useCallback, useEffect, useState } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { getAuditLog, type AuditEntry } from './api';
import { useModI18n } from './i18n/useModI18n';

export function AuditLogPage({ slug }: { slug: string }) {
  const { t, formatDateTime } = useModI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (from: string | null) => {
      setBusy(true);
      getAuditLog(slug, from)
        .then((page) => {
          setError(null);
          setEntries((list) => (from ? [...(list ?? []), ...page.items] : page.items));
          setCursor(page.nextCursor);
        }, setError)
        .finally(() => setBusy(false));
    },
    [slug],
  );
  useEffect(() => load(null), [load]);

  return (
    <section className="card mod-log" aria-labelledby="mod-log-title" data-testid="mod-log">
      <h2 id="mod-log-title">{t('log.title')}</h2>
      {error !== null && <ErrorNotice error={error} onRetry={() => load(cursor)} />}
      {entries === null && error === null && <Loading />}
      {entries?.length === 0 && <EmptyState title={t('log.empty')} />}
      {entries && entries.length > 0 && (
        <div className="mod-table-wrap">
          <table className="mod-table">
            <thead>
              <tr>
                <th scope="col">{t('log.time')}</th>
                <th scope="col">{t('log.actor')}</th>
                <th scope="col">{t('log.action')}</th>
                <th scope="col">{t('log.target')}</th>
                <th scope="col">{t('log.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="log-entry" data-action={entry.action}>
                  <td>
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.actor ? `${entry.actor.displayName} (@${entry.actor.handle})` : t('log.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.target.type} <code>{entry.target.id.slice(0, 8)}</code>
                  </td>
                  <td>{entry.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => load(cursor)} data-testid="log-more">
          {t('log.more')}
        </button>
      )}
    </section>
  );
}
