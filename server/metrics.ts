// Prometheus metrics of one process. A registry per process (not the global default) keeps tests independent.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  socketsConnected: Gauge;
  jobDuration: Histogram<'queue' | 'outcome'>;
  jobFailures: Counter<'queue'>;
  queueDepth: Gauge<'queue' | 'state'>;
  checkerActions: Counter<'action'>;
  /** Event notifications written, by kind (reminder, cancelled). */
  eventNoticesSent: Counter<'kind'>;
  /** Event notice jobs by how they ended: `sent`, or why they were skipped (moved, begun, cancelled, ...). */
  eventNoticeJobs: Counter<'kind' | 'outcome'>;
  /** E-mails the SMTP server accepted, by kind (event_reminder, event_cancelled, event_moved, digest). */
  mailSent: Counter<'kind'>;
  /** E-mails given up on: refused for good (5xx) or out of attempts. */
  mailFailed: Counter<'kind'>;
  /** Sends that met a down or temporarily refusing SMTP server (4xx) and were put back for a retry with backoff. */
  mailRetried: Counter<'kind'>;
  /** E-mails not sent because the member switched that e-mail off after it was queued. */
  mailSkipped: Counter<'kind'>;
}

/** Creates the metrics of one process; `collectQueueDepths` is called on each scrape. */
export function createMetrics(options: { collectQueueDepths?: () => Promise<Record<string, Record<string, number>>> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const queueDepth = new Gauge({
    name: 'rukun_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      if (!options.collectQueueDepths) return;
      try {
        const depths = await options.collectQueueDepths();
        for (const [queue, states] of Object.entries(depths)) {
          for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
        }
      } catch {
        // Redis down: keep the last values rather than failing the whole scrape.
      }
    },
  });
  return {
    registry,
    queueDepth,
    httpDuration: new Histogram({
      name: 'rukun_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    socketsConnected: new Gauge({ name: 'rukun_sockets_connected', help: 'Connected Socket.IO clients', registers: [registry] }),
    jobDuration: new Histogram({
      name: 'rukun_job_duration_seconds',
      help: 'Job processing time',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    jobFailures: new Counter({ name: 'rukun_job_failures_total', help: 'Failed job attempts', labelNames: ['queue'] as const, registers: [registry] }),
    checkerActions: new Counter({
      name: 'rukun_checker_actions_total',
      help: 'Checker outcomes by action',
      labelNames: ['action'] as const,
      registers: [registry],
    }),
    eventNoticesSent: new Counter({
      name: 'rukun_event_notices_sent_total',
      help: 'Event reminders and cancellation notices delivered (one per member)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    eventNoticeJobs: new Counter({
      name: 'rukun_event_notice_jobs_total',
      help: 'Event reminder and cancellation jobs by outcome (sent, or the reason they were skipped)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    mailSent: new Counter({ name: 'rukun_mail_sent_total', help: 'E-mails accepted by the SMTP server', labelNames: ['kind'] as const, registers: [registry] }),
    mailFailed: new Counter({ name: 'rukun_mail_failed_total', help: 'E-mails given up on (refused for good or out of attempts)', labelNames: ['kind'] as const, registers: [registry] }),
    mailRetried: new Counter({ name: 'rukun_mail_retried_total', help: 'E-mail sends deferred for a retry (SMTP down or refusing temporarily)', labelNames: ['kind'] as const, registers: [registry] }),
    mailSkipped: new Counter({ name: 'rukun_mail_skipped_total', help: 'Queued e-mails not sent because the member switched them off', labelNames: ['kind'] as const, registers: [registry] }),
  };
}
