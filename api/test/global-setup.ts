import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPGlite } from '../src/database/data-source';
import { openDatabase } from '../src/database/database';
import { adminQuery, DUMP_ENV, serverUrl, TEMPLATE_ENV, TEST_DB_SETTINGS, withDatabase } from './test-database';

/**
 * Migrates once for the whole run: a template database on the PostgreSQL server when
 * DATABASE_URL is set, and always a PGlite dump (some tests compare both databases).
 */
export default async function globalSetup() {
  const url = serverUrl();
  if (url) {
    const template = `lmr_template_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE "${template}"`);
    const db = await openDatabase({ ...TEST_DB_SETTINGS, databaseUrl: withDatabase(url, template) });
    await db.close();
    process.env[TEMPLATE_ENV] = template;
  }
  const pglite = await openPGlite('memory');
  const db = await openDatabase({ ...TEST_DB_SETTINGS, databaseUrl: null }, { pglite });
  await db.close();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const path = join(tmpdir(), `lmr-test-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  process.env[DUMP_ENV] = path;
}
