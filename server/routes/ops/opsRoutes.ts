import type { Express, Request } from 'express';
import type { Deps } from '../../deps';
import { metricsAccess } from '../../middlewares/metricsAccess';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Liveness, readiness and Prometheus metrics, outside /api; probes need no token, /metrics is guarded (metricsAccess). */
export function mountOpsRoutes(app: Express, deps: Deps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req: Request, res) => {
    const [database, redis] = await Promise.allSettled([
      withTimeout(deps.db.$queryRawUnsafe('SELECT 1'), 2000),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const checks = { database: database.status === 'fulfilled' ? 'ok' : 'down', redis: redis.status === 'fulfilled' ? 'ok' : 'down' };
    const ready = checks.database === 'ok' && checks.redis === 'ok';
    if (!ready) res.setHeader('Retry-After', '5');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', metricsAccess(deps.config), async (_req, res) => {
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
}
