import { rmSync } from 'node:fs';
import { adminQuery, DUMP_ENV, serverUrl, TEMPLATE_ENV } from './test-database';

export default async function globalTeardown() {
  const url = serverUrl();
  const template = process.env[TEMPLATE_ENV];
  if (url && template) await adminQuery(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  const dump = process.env[DUMP_ENV];
  if (dump) rmSync(dump, { force: true });
}
