import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openPGlite, pgliteDataSource, PGLITE_SUBDIR, postgresDataSource, type DatabaseConfig } from './data-source';

export type DatabaseKind = 'postgres' | 'pglite';

/** An open, migrated database and how to close it. */
export interface Database {
  kind: DatabaseKind;
  dataSource: DataSource;
  /** A short description for the start-up line; never includes a password. */
  description: string;
  /** The embedded instance itself (kind 'pglite'), for what only PGlite can do: dump its folder for a backup. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Opens the database the configuration names and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig, opts: { pglite?: PGlite; migrate?: boolean } = {}): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres({ ...config, databaseUrl: config.databaseUrl })
    : await openEmbedded(config, opts.pglite);
  if (opts.migrate !== false) {
    try {
      await migrateOneAtATime(config, database);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

/** Any fixed number: the key of the advisory lock that migrating processes take. */
const MIGRATION_LOCK = 7305_2026;

/**
 * Replicas started together (docker compose --scale) would each run the same migration and all
 * but one would fail: on PostgreSQL one process migrates at a time, holding an advisory lock
 * on a connection of its own (so a pool of one connection cannot deadlock against it).
 */
async function migrateOneAtATime(config: DatabaseConfig, database: Database): Promise<void> {
  if (!config.databaseUrl) {
    await database.dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = new pg.Client({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: config.dbConnectTimeoutMs,
    // Waiting for another process's migrations is bounded too: past this the start fails and is retried.
    statement_timeout: Math.max(config.dbStatementTimeoutMs, 120000),
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await database.dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}

async function openPostgres(config: DatabaseConfig & { databaseUrl: string }): Promise<Database> {
  const url = new URL(config.databaseUrl);
  const where = `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
  const dataSource = postgresDataSource(config);
  const limit = config.dbConnectTimeoutMs + 1000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dataSource.initialize(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
      }),
    ]);
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot connect to PostgreSQL at ${where}: ${describe(err)}`);
  } finally {
    clearTimeout(timer);
  }
  return {
    kind: 'postgres',
    dataSource,
    description: `PostgreSQL at ${where}`,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

async function openEmbedded(config: DatabaseConfig, given?: PGlite): Promise<Database> {
  const dir = join(config.dataDir, PGLITE_SUBDIR);
  let db: PGlite;
  try {
    if (given) {
      db = given;
    } else {
      mkdirSync(dir, { recursive: true });
      db = await openPGlite({ dataDir: dir });
    }
  } catch (err) {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dir}: ${describe(err)}`);
  }
  const dataSource = pgliteDataSource(db, config);
  await dataSource.initialize();
  return {
    kind: 'pglite',
    dataSource,
    pglite: db,
    description: given ? 'embedded PostgreSQL (PGlite)' : `embedded PostgreSQL (PGlite) in ${dir}`,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!given && !db.closed) await db.close();
    },
  };
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describe(err.errors[0]);
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message || String(code);
  }
  return String(err);
}
