import { PGlite, types } from '@electric-sql/pglite';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { pgliteDriver } from './pglite-driver';
import { PreparingClient } from './prepared-statements';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCountingLogger } from '../common/sql-count';

export type DatabaseConfig = Pick<
  AppConfig,
  'databaseUrl' | 'dataDir' | 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs' | 'dbPoolSize'
> &
  Partial<Pick<AppConfig, 'dbPrepareStatements'>>;

/** Where the embedded database keeps its files inside DATA_DIR. */
export const PGLITE_SUBDIR = 'pglite';

const common = {
  type: 'postgres',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  migrationsRun: false,
  synchronize: false,
  namingStrategy: new SnakeNamingStrategy(),
  uuidExtension: 'pgcrypto',
  installExtensions: false,
  logger: new StatementCountingLogger(),
} as const;

/** Opens an embedded PGlite database; values come back typed as `pg` returns them. */
export async function openPGlite(source: { dataDir: string } | { dump: Blob } | 'memory'): Promise<PGlite> {
  const parsers = {
    // pg returns 64-bit integers and numerics as strings; so must PGlite, or code drifts apart.
    [types.INT8]: (value: string) => value,
    [types.NUMERIC]: (value: string) => value,
  };
  if (source === 'memory') return PGlite.create({ parsers });
  if ('dump' in source) return PGlite.create({ loadDataDir: source.dump, parsers });
  return PGlite.create({ dataDir: source.dataDir, parsers });
}

export function postgresDataSource(config: DatabaseConfig & { databaseUrl: string }): DataSource {
  const options: DataSourceOptions = {
    ...common,
    url: config.databaseUrl,
    connectTimeoutMS: config.dbConnectTimeoutMs,
    poolSize: config.dbPoolSize,
    applicationName: 'little-museum-researcher',
    extra: {
      // Fail fast rather than hang when the server is slow or gone.
      statement_timeout: config.dbStatementTimeoutMs,
      query_timeout: config.dbStatementTimeoutMs + 1000,
      idle_in_transaction_session_timeout: config.dbStatementTimeoutMs * 2,
      connectionTimeoutMillis: config.dbConnectTimeoutMs,
      // Statements with parameters are prepared once per connection (see PreparingClient),
      // unless switched off (a pooler in transaction mode that cannot keep them).
      ...(config.dbPrepareStatements === false ? {} : { Client: PreparingClient }),
    },
  };
  return new DataSource(options);
}

export function pgliteDataSource(db: PGlite, config: Pick<DatabaseConfig, 'dbStatementTimeoutMs'>): DataSource {
  const { Pool } = pgliteDriver(db, { acquireTimeoutMs: config.dbStatementTimeoutMs * 2 });
  const options: DataSourceOptions = {
    ...common,
    database: 'postgres',
    driver: { Pool },
  };
  return new DataSource(options);
}
