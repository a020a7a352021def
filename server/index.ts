// Boot: `npm start` (server and workers), `npm run server`, `npm run worker`. Config from the environment,
// a local Redis found or started, migrations applied, graceful shutdown on SIGTERM and SIGINT.
import { ConfigError, loadConfig, type Config } from './config';
import { ensureRedis } from './infra/ensureRedis';
import { createLogger } from './logger';
import { startRukun } from './runtime/startRukun';

function processFromArgs(config: Config): Config {
  const flag = process.argv.find((a) => a.startsWith('--process='));
  const value = flag?.slice('--process='.length);
  return value === 'server' || value === 'worker' || value === 'all' ? { ...config, RUKUN_PROCESS: value } : config;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = processFromArgs(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const redis = config.REDIS_AUTOSTART
    ? await ensureRedis({ url: config.REDIS_URL, dataDir: config.DATA_DIR, logger: { info: (m) => logger.info(m) } })
    : { url: config.REDIS_URL, stop: async () => undefined };
  const rukun = await startRukun({ config: { ...config, REDIS_URL: redis.url }, logger, migrate: config.RUKUN_PROCESS !== 'worker' });
  logger.info(
    { url: rukun.url, opsUrl: rukun.opsUrl, process: config.RUKUN_PROCESS },
    rukun.url ? `Rukun is running at ${rukun.url.replace('127.0.0.1', 'localhost')}` : `Rukun workers are running${rukun.opsUrl ? `; /healthz, /readyz and /metrics at ${rukun.opsUrl}` : ''}`,
  );

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    force.unref();
    void rukun
      .close()
      .then(() => redis.stop())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
