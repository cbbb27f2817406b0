import 'reflect-metadata';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { DatabaseUnavailableError, openDatabase, type Database } from './database/database';
import { DEMO_SAMPLE_PATH } from './database/seed/sample-path';
import { DEMO_CLASSES, DEMO_PASSWORD, DEMO_STAFF } from './database/seed/demo-data';
import { isEmpty, seedDemo } from './database/seed/seed';

/** Stops the process with one readable line: no stack trace for a problem the operator must fix. */
function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig(process.env, { webDist: resolve(__dirname, '../../web/dist') });
  } catch (err) {
    if (err instanceof ConfigError) fail(`Configuration error: ${err.message}`);
    throw err;
  }
  const logger = createLogger(config.logLevel);

  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) fail(`Database error: ${err.message}`);
    fail(`Database error: could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  }

  const shouldSeed =
    config.demoSeed === 'always' || (config.demoSeed === 'auto' && database.kind === 'pglite' && (await isEmpty(database.dataSource)));
  if (shouldSeed) {
    const summary = await seedDemo(database.dataSource, DEMO_SAMPLE_PATH);
    logger.info({ ...summary }, 'demo data seeded');
  }

  const app = await createApp({ config, database, logger });
  await app.listen({ port: config.port, host: config.host });
  installShutdown(app, database, config, logger);

  const url = `http://localhost:${config.port}`;
  logger.info({ port: config.port, database: database.kind }, 'listening');
  process.stdout.write(
    [
      '',
      `Little Museum Researcher is running at ${url}  (GraphQL: ${url}/graphql)`,
      `Database: ${database.description}`,
      ...(shouldSeed || config.demoSeed !== 'never'
        ? [
            `Demo sign-in (password "${DEMO_PASSWORD}" for staff):`,
            ...DEMO_STAFF.map((s) => `  ${s.role.padEnd(16)} ${s.email}`),
            `  PUPIL            class codes ${DEMO_CLASSES.map((c) => c.classCode).join(', ')}; each pupil's own code is on the class's sign-in cards`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit in time. */
function installShutdown(
  app: { close(): Promise<void>; getHttpServer(): { closeIdleConnections?: () => void } },
  database: Database,
  config: AppConfig,
  logger: Logger,
) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // A keep-alive connection whose last request ends after the listener closed stays open
    // (clients and load balancers hold them for a minute) and would hold up the close: end
    // such connections as soon as they are idle.
    const server = app.getHttpServer();
    const sweep = setInterval(() => server.closeIdleConnections?.(), 100);
    sweep.unref();
    app
      .close()
      .then(() => database.close())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'error while shutting down');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => fail(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`));
