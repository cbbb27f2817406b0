import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config/config';
import { freshDatabase, type TestDatabase } from './test-database';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export interface GqlOptions {
  /** Sent as `Authorization: Bearer`. */
  token?: string;
  /** Sent as the Cookie header, e.g. `lmr_session=…`. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  kind: 'postgres' | 'pglite';
  /** DATA_DIR: the one given in env, or a temporary folder removed by close(). */
  dataDir: string;
  http: () => ReturnType<typeof request>;
  /** Sends one GraphQL operation over real HTTP, as the portal does. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/**
 * The real Nest app on a fresh migrated database of its own, reached over HTTP. Stored files
 * go to a temporary DATA_DIR unless env names one.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db: TestDatabase = await freshDatabase();
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'lmr-test-data-'));
  // The built portal only when a test names one (WEB_DIST), so that tests do not depend on a web build.
  const loaded = loadConfig({ NODE_ENV: 'test', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...env });
  const config = { ...loaded, webDist: env.WEB_DIST ? loaded.webDist : null };
  const app = await createApp({ config, database: db.database, logger: createLogger(config.logLevel) });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    dataSource: db.database.dataSource,
    kind: db.database.kind,
    dataDir: config.dataDir,
    http,
    async gql(query, variables, opts = {}) {
      let req = http().post('/graphql').set('content-type', 'application/json');
      if (opts.token) req = req.set('authorization', `Bearer ${opts.token}`);
      if (opts.cookie) req = req.set('cookie', opts.cookie);
      for (const [name, value] of Object.entries(opts.headers ?? {})) req = req.set(name, value);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data, errors: res.body?.errors, body: res.body, headers: res.headers };
    },
    async close() {
      await app.close();
      await db.dispose();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
