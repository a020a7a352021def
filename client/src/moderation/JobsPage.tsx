// This community's background work (moderators): posts waiting for their automatic check and scheduled posts, with
// how long the oldest has waited. It replaces the instance-wide queue dashboard for community staff.
import { useCallback, useEffect, useState } from 'react';
import type { CommunityJob, CommunityJobsResponse } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { getCommunityJobs } from './api';
import { useModI18n, type ModI18n } from './i18n/useModI18n';

type Kind = CommunityJobsResponse['kind'];

/** A short duration in the reader's language: seconds, minutes or hours. */
function formatAge(t: ModI18n['t'], seconds: number): string {
  if (seconds < 120) return t('jobs.seconds', { count: seconds });
  if (seconds < 7200) return t('jobs.minutes', { count: Math.floor(seconds / 60) });
  return t('jobs.hours', { count: Math.floor(seconds / 3600) });
}

export function JobsPage({ slug }: { slug: string }) {
  const { t, formatDateTime } = useModI18n();
  const [kind, setKind] = useState<Kind>('checking');
  const [page, setPage] = useState<CommunityJobsResponse | null>(null);
  const [items, setItems] = useState<CommunityJob[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (cursor: string | null) => {
      setBusy(true);
      getCommunityJobs(slug, { kind, cursor })
        .then((next) => {
          setError(null);
          setPage(next);
          setItems((list) => (cursor ? [...list, ...next.items] : next.items));
        }, setError)
        .finally(() => setBusy(false));
    },
    [slug, kind],
  );
  useEffect(() => load(null), [load]);

  const summary = page?.summary;
  return (
    <section className="card mod-log" aria-labelledby="mod-jobs-title" data-testid="mod-jobs">
      <h2 id="mod-jobs-title">{t('jobs.title')}</h2>
      {summary && (
        <p data-testid="jobs-summary">
          {t('jobs.checkingCount', { count: summary.checking.count })}
          {summary.checking.oldestAgeSeconds !== null && ` (${t('jobs.oldest', { age: formatAge(t, summary.checking.oldestAgeSeconds) })})`}
          {' · '}
          {t('jobs.scheduledCount', { count: summary.scheduled.count })}
          {summary.scheduled.due > 0 && ` (${t('jobs.due', { count: summary.scheduled.due })})`}
        </p>
      )}
      <nav className="mod-tabs">
        {(['checking', 'scheduled'] as const).map((k) => (
          <button key={k} type="button" className={`mod-tab${k === kind ? ' mod-tab--active' : ''}`} aria-pressed={k === kind} onClick={() => setKind(k)} data-testid={`jobs-kind-${k}`}>
            {t(k === 'checking' ? 'jobs.checking' : 'jobs.scheduled')}
          </button>
        ))}
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => load(null)}>
          {t('jobs.refresh')}
        </button>
      </nav>
      {error !== null && <ErrorNotice error={error} onRetry={() => load(null)} />}
      {page === null && error === null && <Loading />}
      {page !== null && items.length === 0 && <EmptyState title={t(kind === 'checking' ? 'jobs.emptyChecking' : 'jobs.emptyScheduled')} />}
      {items.length > 0 && (
        <div className="mod-table-wrap">
          <table className="mod-table">
            <thead>
              <tr>
                <th scope="col">{t('jobs.post')}</th>
                <th scope="col">{t('jobs.author')}</th>
                <th scope="col">{t('jobs.dueAt')}</th>
                <th scope="col">{t('jobs.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.post.id} data-testid="job-row">
                  <td>{(job.post.title ?? job.post.body).slice(0, 80)}</td>
                  <td>@{job.post.author.handle}</td>
                  <td>
                    <time dateTime={job.dueAt}>{formatDateTime(job.dueAt)}</time>
                  </td>
                  <td>{formatAge(t, job.waitingSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.nextCursor && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => load(page.nextCursor)}>
          {t('jobs.more')}
        </button>
      )}
    </section>
  );
}
