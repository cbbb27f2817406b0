import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { AppConfig } from '../config/config';
import { PGLITE_SUBDIR } from '../database/data-source';
import { BackupError } from './backup.errors';
import { countRows, runTool } from './capture';
import { takeToolLock } from './data-folder';
import { filesOf, readManifest, verifySnapshot, type Manifest } from './snapshot';

export type RestoreConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'fileStore' | 'dbConnectTimeoutMs'>;

/** True when a folder is absent or holds no file at any depth. */
function emptyFolder(path: string): boolean {
  if (!existsSync(path)) return true;
  return readdirSync(path, { withFileTypes: true }).every((e) => e.isDirectory() && emptyFolder(join(path, e.name)));
}

/**
 * Brings a snapshot back into an empty place: the configured data folder (embedded database
 * and local files) or the configured PostgreSQL database (plus the local files). Checks every
 * checksum before writing anything, refuses a place that holds data, and checks the restored
 * database's row counts against the manifest. Everything is written aside first (under
 * DATA_DIR/tmp) and moved into place at the end, so an interrupted restore leaves the target
 * as empty as it found it, or (PostgreSQL) a database that pg_restore filled in one transaction.
 */
export async function restoreSnapshot(snapshot: string, config: RestoreConfig): Promise<Manifest> {
  const described = await readManifest(snapshot);
  const targetKind = config.databaseUrl ? 'postgres' : 'pglite';
  if (described.database.kind !== targetKind) {
    throw new BackupError(
      'KIND_MISMATCH',
      described.database.kind === 'pglite'
        ? 'the snapshot is of an embedded (PGlite) database: restore it without DATABASE_URL, into an empty DATA_DIR'
        : 'the snapshot is of a PostgreSQL database: restore it with DATABASE_URL naming an empty database',
    );
  }
  if (described.files.included && config.fileStore.kind === 's3') {
    throw new BackupError('KIND_MISMATCH', 'the snapshot holds its stored files, but FILE_STORE=s3: restore with FILE_STORE=local (then copy DATA_DIR/files into the bucket if you move to S3)');
  }

  await mkdir(config.dataDir, { recursive: true });
  const release = takeToolLock(config.dataDir, 'a restore');
  const staging = join(config.dataDir, 'tmp', `restore-${randomBytes(6).toString('hex')}`);
  try {
    // The cheap refusals first, the database before the files; then every checksum, before anything is written.
    const pgliteTarget = join(config.dataDir, PGLITE_SUBDIR);
    if (targetKind === 'pglite' && !emptyFolder(pgliteTarget)) {
      throw new BackupError('TARGET_NOT_EMPTY', `${pgliteTarget} already holds a database; restore only into an empty data folder`);
    }
    if (config.databaseUrl) await refuseNonEmptyDatabase(config.databaseUrl, config.dbConnectTimeoutMs);
    const filesTarget = join(config.dataDir, 'files');
    if (described.files.included && !emptyFolder(filesTarget)) {
      throw new BackupError('TARGET_NOT_EMPTY', `${filesTarget} already holds files; restore only into an empty data folder`);
    }
    const manifest = await verifySnapshot(snapshot);

    await stageFiles(snapshot, manifest, staging);
    if (!config.databaseUrl) {
      await loadEmbedded(snapshot, manifest, join(staging, PGLITE_SUBDIR));
      await moveFiles(manifest, staging, filesTarget);
      // Last: a data folder with its database is a restored one.
      await rm(pgliteTarget, { recursive: true, force: true });
      await rename(join(staging, PGLITE_SUBDIR), pgliteTarget);
    } else {
      const url = config.databaseUrl;
      // One transaction: it fails whole, leaving the database empty.
      await runTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${url}`, join(snapshot, manifest.database.dump)]);
      await moveFiles(manifest, staging, filesTarget);
      await compareCounts(manifest, await withClient(url, config.dbConnectTimeoutMs, (q) => countRows(q)), 'the restored PostgreSQL database');
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
    release();
  }
}

async function stageFiles(snapshot: string, manifest: Manifest, staging: string): Promise<void> {
  for (const key of filesOf(manifest)) {
    const to = join(staging, 'files', ...key.split('/'));
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(snapshot, 'files', ...key.split('/')), to);
  }
}

async function moveFiles(manifest: Manifest, staging: string, filesTarget: string): Promise<void> {
  if (!manifest.files.included || filesOf(manifest).length === 0) return;
  // Empty (checked before): only empty folders are in the way.
  if (existsSync(filesTarget)) await rm(filesTarget, { recursive: true });
  await rename(join(staging, 'files'), filesTarget);
}

async function loadEmbedded(snapshot: string, manifest: Manifest, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const dump = new Blob([await readFile(join(snapshot, manifest.database.dump))]);
  const db = await PGlite.create({ dataDir: folder, loadDataDir: dump });
  try {
    const counts = await countRows(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
    await compareCounts(manifest, counts, 'the restored embedded database');
  } finally {
    await db.close();
  }
}

async function compareCounts(manifest: Manifest, counts: Record<string, number>, what: string): Promise<void> {
  const tables = new Set([...Object.keys(manifest.counts), ...Object.keys(counts)]);
  const wrong = [...tables].filter((t) => manifest.counts[t] !== counts[t]);
  if (wrong.length > 0) {
    throw new BackupError(
      'RESTORE_MISMATCH',
      `${what} differs from the snapshot's manifest in ${wrong.slice(0, 5).map((t) => `${t} (${counts[t] ?? 'missing'} rows, expected ${manifest.counts[t] ?? 'none'})`).join(', ')}`,
    );
  }
}

async function withClient<T>(url: string, timeoutMs: number, work: (q: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'lmr-restore' });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError('USAGE', `cannot connect to the PostgreSQL database to restore into (create it first, empty): ${(err as Error).message}`);
  }
  try {
    return await work(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

async function refuseNonEmptyDatabase(url: string, timeoutMs: number): Promise<void> {
  const relations = await withClient(url, timeoutMs, (q) =>
    q(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`),
  );
  const n = Number(relations[0]?.n ?? 0);
  if (n > 0) throw new BackupError('TARGET_NOT_EMPTY', `the database named by DATABASE_URL already holds ${n} tables or other relations; restore only into an empty database (createdb a new one)`);
}
