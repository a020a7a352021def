// createApp(deps): the Express app, built from its dependencies so tests build exactly what production runs.
import { mountEventRoutes } from './routes/events/eventRoutes';
import { mountRsvpRoutes } from './routes/events/rsvpRoutes';
import { mountCalendarRoutes } from './routes/events/calendarRoutes';
import { mountSurveyRoutes } from './routes/surveys/surveyRoutes';
import { mountResponseRoutes } from './routes/surveys/responseRoutes';
import { mountResultRoutes } from './routes/surveys/resultRoutes';
import { mountFeedbackRoutes } from './routes/feedback/feedbackRoutes';
import { mountEmailRoutes } from './routes/mail/emailRoutes';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Deps } from './deps';
import { serializeRequest } from './logger';
import { authenticate } from './middlewares/authenticate';
import { apiNotFound, errorHandler } from './middlewares/errorHandler';
import { originCheck } from './middlewares/originCheck';
import { createRateLimiters } from './middlewares/rateLimits';
import { buildOpenApiDocument, createOpenApiRegistry } from './openapi/document';
import { mountAuthRoutes } from './routes/auth/authRoutes';
import { mountCommunityRoutes } from './routes/communities/communityRoutes';
import { mountMemberRoutes } from './routes/communities/memberRoutes';
import { mountMeRoutes } from './routes/me/meRoutes';
import { mountAdminQueues } from './routes/ops/adminQueues';
import { mountOpsRoutes } from './routes/ops/opsRoutes';
import { mountPostRoutes } from './routes/posts/postRoutes';
import { mountQueueRoutes } from './routes/moderation/queueRoutes';
import { mountReportRoutes } from './routes/moderation/reportRoutes';
import { mountRuleRoutes } from './routes/moderation/ruleRoutes';
import { mountJobRoutes } from './routes/moderation/jobRoutes';

/** Builds the HTTP application: ops endpoints, the JSON API, the queue dashboard and the web client. */
export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use(helmet());
  app.use((req, res, next) => {
    const end = deps.metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: req.route?.path ?? (req.baseUrl || 'unmatched'), status: String(res.statusCode) }));
    next();
  });
  // The access log. pino-http builds a child logger for every request, serialising the request, even when its lines
  // would never be written, which cost about 4% of the CPU of a post at LOG_LEVEL=warn: it is mounted only where they
  // are. Failures are logged by errorHandler at every level.
  if (deps.logger.isLevelEnabled('info')) {
    app.use(pinoHttp({ logger: deps.logger, serializers: { req: serializeRequest }, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' } }));
  }

  mountOpsRoutes(app, deps);
  // The client's files first: they take only GET and HEAD, so every request past this point may be a write.
  const dist = resolve(deps.config.CLIENT_DIST);
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  // Who is calling, then the Origin check, for every path (API, dashboard, anything mounted later): a cookie rides
  // along on cross-site requests to any prefix, so no state-changing route may rely on being under /api.
  app.use(authenticate(deps));
  app.use(originCheck(deps.config.PUBLIC_ORIGINS));

  const registry = createOpenApiRegistry();
  const router = express.Router();
  const target = { router, registry };
  const limits = createRateLimiters(deps.config, deps.redis, deps.config.QUEUE_PREFIX);
  mountAuthRoutes(target, deps, limits);
  mountMeRoutes(target, deps);
  mountCommunityRoutes(target, deps, limits);
  mountMemberRoutes(target, deps);
  mountPostRoutes(target, deps, limits);
  mountReportRoutes(target, deps, limits);
  mountQueueRoutes(target, deps);
  mountRuleRoutes(target, deps, limits);
  mountJobRoutes(target, deps);
  mountEventRoutes(target, deps, limits);
  mountRsvpRoutes(target, deps, limits);
  mountCalendarRoutes(target, deps, limits);
  mountSurveyRoutes(target, deps, limits);
  mountResponseRoutes(target, deps, limits);
  mountResultRoutes(target, deps, limits);
  mountFeedbackRoutes(target, deps, limits);
  mountEmailRoutes(target, deps);
  const openApi = buildOpenApiDocument(registry);
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  const api = express.Router();
  api.use(express.json({ limit: deps.config.BODY_LIMIT, strict: true }));
  api.use(router);
  api.use(apiNotFound);
  app.use('/api', api);

  mountAdminQueues(app, deps);

  mountClient(app, dist);
  app.use(errorHandler(deps.logger));
  return app;
}

/** Serves index.html for client-side routes (the files themselves are served before authentication). */
function mountClient(app: Express, dist: string): void {
  const index = resolve(dist, 'index.html');
  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io/') || !existsSync(index)) return next();
    res.sendFile(index);
  });
}
