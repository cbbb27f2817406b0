import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { DatabaseKind } from '../database/database';
import { assertSafeKey } from '../files/store/file-store';
import { BackupError } from './backup.errors';

/**
 * What the capture leaves in its staging folder (DATA_DIR/tmp/backup-…), for writeSnapshot()
 * to turn into a snapshot: the database dump, the stored files as hard links, and this record.
 */
export interface Capture {
  dir: string;
  kind: DatabaseKind;
  createdAt: string;
  lastMigration: string | null;
  /** Rows per table of the schema, counted in the same snapshot as the dump. */
  counts: Record<string, number>;
  /** The dump's path inside `dir`. */
  dumpFile: string;
  fileStore: 'local' | 's3';
  /** Keys of the file store that rows in the dump refer to, staged under `dir/files/<key>`. */
  fileKeys: string[];
  /** Keys rows refer to that were already missing from the store when the snapshot was taken. */
  missingKeys: string[];
  /** How long writers had to wait: the embedded session held, or uploads and deletions held on PostgreSQL. */
  heldMs: number;
}

export const CAPTURE_RECORD = 'capture.json';
export const PGLITE_DUMP = 'database/pgdata.tar.gz';
export const POSTGRES_DUMP = 'database/database.pgdump';

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export function stagingDir(dataDir: string): string {
  return join(dataDir, 'tmp', `backup-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`);
}

/**
 * The embedded database, by the server that has it open (or by the CLI when no server runs).
 *
 * PGlite is one session handed to one borrower at a time (pglite-driver.ts). Checking out that
 * session makes every other request wait until we give it back, so everything below sees one
 * state of the database between transactions: the counts, the file keys and the dump agree.
 * The files are linked while we hold it, for the same reason as with PostgreSQL (see there):
 * a row in the dump cannot lose its file before the link exists.
 */
export async function captureEmbedded(dataSource: DataSource, pglite: PGlite, config: Pick<AppConfig, 'dataDir' | 'fileStore'>): Promise<Capture> {
  const dir = stagingDir(config.dataDir);
  await mkdir(join(dir, 'database'), { recursive: true });
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const heldFrom = Date.now();
    let heldMs: number;
    let dump: Blob;
    let facts: Facts;
    let staged: { fileKeys: string[]; missingKeys: string[] };
    try {
      const query: Query = (sql) => runner.query(sql);
      facts = await readFacts(query, true);
      staged = await stageFiles(config, facts.keys, dir);
      dump = await pglite.dumpDataDir('gzip');
    } finally {
      await runner.release();
      heldMs = Date.now() - heldFrom;
    }
    await writeFile(join(dir, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()));
    return await record(dir, { kind: 'pglite', facts, dumpFile: PGLITE_DUMP, fileStore: config.fileStore.kind, heldMs, ...staged });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * PostgreSQL: pg_dump in custom format (pg_restore reads it) inside an exported snapshot, and
 * the stored files as of that snapshot.
 *
 * Rows and files must agree. Uploads write the file first and then commit its row; deletions
 * commit the row's removal first and then delete the file. So a file whose row is in the
 * snapshot exists when the snapshot is taken, and can only disappear after a later deletion
 * commits. One connection takes `LOCK stored_file IN SHARE MODE`, which waits for writers of
 * stored_file to finish and keeps new ones waiting (readers go on); while it holds, a second
 * connection takes the snapshot and reads the file keys, and the files are hard-linked into
 * the staging folder (milliseconds: no bytes are copied). Then the lock goes, uploads and
 * deletions continue, and pg_dump dumps the snapshot at leisure while the links keep every
 * file the snapshot needs. Only uploads and deletions ever wait, and only for the linking.
 */
export async function capturePostgres(config: Pick<AppConfig, 'dataDir' | 'fileStore' | 'dbConnectTimeoutMs'> & { databaseUrl: string }): Promise<Capture> {
  const dir = stagingDir(config.dataDir);
  await mkdir(join(dir, 'database'), { recursive: true });
  const connect = async () => {
    const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: config.dbConnectTimeoutMs, application_name: 'lmr-backup' });
    try {
      await client.connect();
    } catch (err) {
      throw new BackupError('UNSAFE', `cannot connect to PostgreSQL: ${(err as Error).message}`);
    }
    return client;
  };
  const guard = await connect();
  const snapshot = await connect().catch(async (err: unknown) => {
    await guard.end();
    throw err;
  });
  try {
    await guard.query('BEGIN');
    const heldFrom = Date.now();
    // Never queue for long behind a long transaction: while our request waits, it holds up uploads too.
    await guard.query(`SET LOCAL lock_timeout = '10s'`);
    try {
      await guard.query('LOCK TABLE stored_file IN SHARE MODE');
    } catch (err) {
      if ((err as { code?: string }).code === '55P03') throw new BackupError('BUSY', 'a long transaction kept the stored files table busy for 10 s; try again');
      throw err;
    }
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [{ snapshot_id: snapshotId }] = (await snapshot.query('SELECT pg_export_snapshot() AS snapshot_id')).rows as { snapshot_id: string }[];
    const query: Query = async (sql) => (await snapshot.query(sql)).rows as Record<string, unknown>[];
    const keys = await readKeys(query);
    const staged = await stageFiles(config, keys, dir);
    await guard.query('COMMIT');
    const heldMs = Date.now() - heldFrom;

    const facts = { ...(await readFacts(query, false)), keys };
    await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshotId}`, `--file=${join(dir, POSTGRES_DUMP)}`, `--dbname=${config.databaseUrl}`]);
    await snapshot.query('COMMIT');
    return await record(dir, { kind: 'postgres', facts, dumpFile: POSTGRES_DUMP, fileStore: config.fileStore.kind, heldMs, ...staged });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await guard.end().catch(() => undefined);
    await snapshot.end().catch(() => undefined);
  }
}

interface Facts {
  createdAt: string;
  lastMigration: string | null;
  counts: Record<string, number>;
  keys: string[];
}

export async function countRows(query: Query): Promise<Record<string, number>> {
  const tables = (await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => String(r.tablename));
  if (tables.length === 0) return {};
  const rows = await query(tables.map((t) => `SELECT '${t.replace(/'/g, "''")}' AS t, count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [String(r.t), Number(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

export async function lastMigration(query: Query): Promise<string | null> {
  const rows = await query(`SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
  return rows.length > 0 ? String(rows[0]!.name) : null;
}

async function readKeys(query: Query): Promise<string[]> {
  const rows = await query(`SELECT storage_key, thumbnail_key FROM stored_file ORDER BY storage_key`);
  return rows.flatMap((r) => [r.storage_key, r.thumbnail_key].filter((k): k is string => typeof k === 'string'));
}

async function readFacts(query: Query, withKeys: boolean): Promise<Facts> {
  const [{ now }] = (await query(`SELECT to_json(now()) #>> '{}' AS now`)) as { now: string }[];
  return {
    createdAt: new Date(now).toISOString(),
    lastMigration: await lastMigration(query),
    counts: await countRows(query),
    keys: withKeys ? await readKeys(query) : [],
  };
}

/**
 * Hard links (a copy where the store is on another file system): the store never changes a
 * file in place (it writes aside and renames), so a link keeps the bytes as they were even when
 * the store deletes its own name for them. With FILE_STORE=s3 nothing is staged: the bucket is
 * backed up with the operator's own tools (versioning), as the README says.
 */
async function stageFiles(config: Pick<AppConfig, 'dataDir' | 'fileStore'>, keys: string[], dir: string): Promise<{ fileKeys: string[]; missingKeys: string[] }> {
  if (config.fileStore.kind === 's3') return { fileKeys: [], missingKeys: [] };
  const root = join(config.dataDir, 'files');
  const fileKeys: string[] = [];
  const missingKeys: string[] = [];
  for (const key of keys) {
    assertSafeKey(key);
    const from = join(root, ...key.split('/'));
    const to = join(dir, 'files', ...key.split('/'));
    await mkdir(dirname(to), { recursive: true });
    try {
      await link(from, to);
      fileKeys.push(key);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        missingKeys.push(key);
      } else if (code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK') {
        await copyFile(from, to);
        fileKeys.push(key);
      } else {
        throw err;
      }
    }
  }
  return { fileKeys, missingKeys };
}

async function record(
  dir: string,
  c: { kind: DatabaseKind; facts: Facts; dumpFile: string; fileStore: 'local' | 's3'; fileKeys: string[]; missingKeys: string[]; heldMs: number },
): Promise<Capture> {
  const capture: Capture = {
    dir,
    kind: c.kind,
    createdAt: c.facts.createdAt,
    lastMigration: c.facts.lastMigration,
    counts: c.facts.counts,
    dumpFile: c.dumpFile,
    fileStore: c.fileStore,
    fileKeys: c.fileKeys,
    missingKeys: c.missingKeys,
    heldMs: c.heldMs,
  };
  await writeFile(join(dir, CAPTURE_RECORD), JSON.stringify(capture));
  return capture;
}

/** Runs pg_dump or pg_restore; its own message (never the connection string) on failure. */
export function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new BackupError('TOOL_FAILED', err.code === 'ENOENT' ? `${tool} is not installed (PostgreSQL's client tools, the same major version as the server or newer)` : `${tool}: ${err.message}`)),
    );
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError('TOOL_FAILED', `${tool} failed (exit ${code}): ${redact(stderr.trim().split('\n').slice(-5).join(' | '))}`));
    });
  });
}

function redact(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/g, '$1***@');
}
