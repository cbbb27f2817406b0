/**
 * Writes api/schema.gql from the code, without a database: `npm run generate -w @lmr/api`.
 * CI runs it and fails when the committed file differs.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from '../app';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/config';
import { postgresDataSource } from '../database/data-source';

export const SCHEMA_HEADER = '# Generated from the code by `npm run generate -w @lmr/api`: do not edit.\n\n';

async function main() {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), webDist: null };
  // Never initialized: building the schema touches no database.
  const dataSource = postgresDataSource({ ...config, databaseUrl: 'postgres://schema@localhost/schema' });
  const app = await createApp({
    config,
    logger: createLogger('silent'),
    database: { kind: 'postgres', dataSource, description: 'none', close: async () => undefined },
  });
  const { schema } = app.get(GraphQLSchemaHost);
  writeFileSync(join(process.cwd(), 'schema.gql'), SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
