import 'reflect-metadata';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { DatabaseUnavailableError, openDatabase, type Database } from './database/database';
import { DataDirBusyError, lockDataDir, type DataDirLock } from './database/data-dir-lock';
import { DEMO_SAMPLE_PATH } from './database/seed/sample-path';
import { DEMO_SIGN_IN_FILE, demoDatabaseName, demoSignInLines, readDemoSignIn, writeDemoSignIn, type DemoSignIn } from './database/seed/demo-sign-in';
import { demoSignIn, hasDemo, isEmpty, seedDemo } from './database/seed/seed';

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

  // The embedded database is one process's: refuse to open it while another process has it.
  let lock: DataDirLock | null = null;
  if (!config.databaseUrl) {
    try {
      lock = lockDataDir(config.dataDir, 'server');
    } catch (err) {
      if (err instanceof DataDirBusyError) fail(`Database error: ${err.message}`);
      throw err;
    }
  }

  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) fail(`Database error: ${err.message}`);
    fail(`Database error: could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  }

  // Demo data only where someone asked for it: never by itself in production.
  const shouldSeed =
    config.demoSeed === 'always' ||
    (config.demoSeed === 'auto' && config.nodeEnv !== 'production' && database.kind === 'pglite' && (await isEmpty(database.dataSource)));
  let created: DemoSignIn | null = null;
  if (shouldSeed) {
    const { signIn, ...summary } = await seedDemo(database.dataSource, DEMO_SAMPLE_PATH, demoDatabaseName(database));
    logger.info({ ...summary }, 'demo data seeded');
    if (signIn.staffPassword) {
      created = signIn;
      try {
        writeDemoSignIn(config.dataDir, signIn);
      } catch (err) {
        // The banner below still prints the details, this once.
        logger.warn({ err }, `could not keep the demo's sign-in details in ${DEMO_SIGN_IN_FILE}`);
      }
    }
  }
  const banner = await startBanner(database, config, created ?? readDemoSignIn(config.dataDir));

  const app = await createApp({ config, database, logger });
  await app.listen({ port: config.port, host: config.host });
  installShutdown(app, database, config, logger, lock);

  const url = `http://localhost:${config.port}`;
  logger.info({ port: config.port, database: database.kind }, 'listening');
  process.stdout.write(['', `Little Museum Researcher is running at ${url}  (GraphQL: ${url}/graphql)`, `Database: ${database.description}`, ...banner, ''].join('\n'));
}

/**
 * What the start prints besides the address: how to sign in to the demo when this database
 * holds it (never otherwise), and how to create the first admin when there is none.
 */
async function startBanner(database: Database, config: AppConfig, kept: DemoSignIn | null): Promise<string[]> {
  const lines: string[] = [];
  if (await hasDemo(database.dataSource)) {
    const now = { database: demoDatabaseName(database), writtenAt: '', staffPassword: null, ...(await demoSignIn(database.dataSource)) };
    lines.push(...demoSignInLines(now, kept, join(config.dataDir, DEMO_SIGN_IN_FILE)));
  }
  const admins: unknown[] = await database.dataSource.query(`SELECT 1 FROM app_user WHERE role = 'ADMIN' AND disabled_at IS NULL LIMIT 1`);
  if (admins.length === 0) {
    const invited: { email: string; expires_at: Date }[] = await database.dataSource.query(
      `SELECT email, expires_at FROM account_link WHERE kind = 'INVITATION' AND role = 'ADMIN' AND used_at IS NULL AND expires_at > now() ORDER BY expires_at DESC LIMIT 1`,
    );
    const command = 'npm run create-admin -- --email <address> --museum "<museum name>"';
    const stopFirst = database.kind === 'pglite' ? ' (with this server stopped: the embedded database takes one process at a time)' : '';
    // One line (README "Going to production"), so that it stands out in the log.
    lines.push(
      invited[0]
        ? `No admin account yet: the invitation for ${invited[0].email} is waiting until ${invited[0].expires_at.toISOString()}; a new link: ${command}${stopFirst}`
        : `No admin account yet: create the first with  ${command}${stopFirst}`,
    );
  }
  return lines;
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit in time. */
function installShutdown(
  app: { close(): Promise<void>; getHttpServer(): { closeIdleConnections?: () => void } },
  database: Database,
  config: AppConfig,
  logger: Logger,
  lock: DataDirLock | null,
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
          lock?.release();
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
