/**
 * `npm run backup [-- --out <folder>]`: one consistent snapshot of the database and the stored
 * files, taken while the product keeps serving. `npm run backup -- --verify <snapshot>` checks
 * a snapshot's checksums without restoring it.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { AppConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { PGLITE_SUBDIR } from '../database/data-source';
import { BackupError } from './backup.errors';
import { BACKUP_ROUTE } from './backup.controller';
import { captureEmbedded, capturePostgres, CAPTURE_RECORD, type Capture } from './capture';
import { cliConfig, describeBytes, operatorPath, runCli } from './cli-support';
import { isAlive } from '../database/data-dir-lock';
import { readEndpoint, removeEndpoint, takeToolLock } from './data-folder';
import { verifySnapshot, writeSnapshot, type Manifest } from './snapshot';

const USAGE = 'usage: npm run backup [-- --out <folder>]   |   npm run backup -- --verify <snapshot>';

function parse(args: string[]): { verify?: string; out?: string } {
  const parsed: { verify?: string; out?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if ((arg === '--verify' || arg === '--out') && value && !value.startsWith('--')) {
      parsed[arg === '--verify' ? 'verify' : 'out'] = value;
      i++;
    } else {
      throw new BackupError('USAGE', `unexpected argument ${JSON.stringify(arg)}; ${USAGE}`);
    }
  }
  return parsed;
}

/** Where snapshots go: --out, else BACKUP_DIR, else `backups` beside DATA_DIR. */
function outputFolder(config: AppConfig, out: string | undefined): string {
  if (out) return operatorPath(out);
  const env = process.env.BACKUP_DIR?.trim();
  return env ? resolve(env) : join(dirname(config.dataDir), 'backups');
}

/**
 * The embedded database. A running server has the folder open and must take the snapshot
 * itself (two processes must never open it); its endpoint file says where to ask. With no
 * server running, this process opens the folder, holding the tool lock so a server starting
 * meanwhile refuses to open it too. A folder that looks open by a process we cannot ask
 * (postmaster.pid without a live server's endpoint) is refused rather than guessed about.
 */
async function captureEmbeddedDatabase(config: AppConfig): Promise<Capture> {
  const endpoint = readEndpoint(config.dataDir);
  if (endpoint && isAlive(endpoint.pid)) return askServer(config, endpoint);
  if (endpoint) removeEndpoint(config.dataDir, endpoint.pid);

  const folder = join(config.dataDir, PGLITE_SUBDIR);
  if (!existsSync(join(folder, 'PG_VERSION'))) throw new BackupError('USAGE', `there is no embedded database in ${folder} (is DATA_DIR right? with PostgreSQL, set DATABASE_URL)`);
  const release = takeToolLock(config.dataDir, 'a backup');
  try {
    const late = readEndpoint(config.dataDir);
    if (late && isAlive(late.pid)) throw new BackupError('UNSAFE', 'a server started on this data folder just now; run the backup again');
    if (existsSync(join(folder, 'postmaster.pid'))) {
      throw new BackupError(
        'UNSAFE',
        `${folder} is open in another process (postmaster.pid) that is not a server this command can ask: stop that process (a seed, or a server of an older version), or if a server crashed, start and stop it once`,
      );
    }
    const database = await openDatabase(config, { migrate: false });
    try {
      return await captureEmbedded(database.dataSource, database.pglite!, config);
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

async function askServer(config: AppConfig, endpoint: { pid: number; host: string; port: number; secret: string }): Promise<Capture> {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  let res: Response;
  try {
    res = await fetch(`http://${host}:${endpoint.port}${BACKUP_ROUTE}`, {
      method: 'POST',
      headers: { 'x-backup-secret': endpoint.secret, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(10 * 60_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new BackupError('UNSAFE', `the server (process ${endpoint.pid}) has the embedded database open but does not answer on ${host}:${endpoint.port} (${cause}); the folder cannot be read beside it`);
  }
  const body = (await res.json().catch(() => ({}))) as { dir?: string; code?: string; message?: string };
  if (res.status === 409) throw new BackupError('BUSY', body.message ?? 'the server is taking another backup');
  if (res.status !== 200 || typeof body.dir !== 'string') {
    throw new BackupError('UNSAFE', `the server refused the backup (HTTP ${res.status}${body.code ? ` ${body.code}` : ''}${body.message ? `: ${body.message}` : ''})`);
  }
  const staging = resolve(body.dir);
  if (relative(join(config.dataDir, 'tmp'), staging).startsWith('..')) throw new BackupError('UNSAFE', `the server captured into ${staging}, outside ${config.dataDir}`);
  return { ...(JSON.parse(readFileSync(join(staging, CAPTURE_RECORD), 'utf8')) as Capture), dir: staging };
}

function summary(manifest: Manifest): string[] {
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  return [
    `  taken at     ${manifest.createdAt} (the database's clock)`,
    `  database     ${manifest.database.kind}, last migration ${manifest.database.lastMigration ?? 'none'}, ${Object.keys(manifest.counts).length} tables, ${rows} rows`,
    manifest.files.included
      ? `  files        ${manifest.files.count} stored files, ${describeBytes(manifest.files.bytes)}`
      : `  files        not included: FILE_STORE=s3 (back the bucket up with its own versioning; see the README)`,
  ];
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (args.verify) {
    const snapshot = operatorPath(args.verify);
    const manifest = await verifySnapshot(snapshot);
    process.stdout.write([`Snapshot ${snapshot} is whole: every checksum matches.`, ...summary(manifest), ''].join('\n'));
    if (manifest.files.missing.length > 0) process.stdout.write(`  warning      ${manifest.files.missing.length} files were already missing from the store when it was taken\n`);
    return;
  }
  const config = cliConfig();
  const folder = outputFolder(config, args.out);
  await mkdir(folder, { recursive: true });
  const output = join(folder, `lmr-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const capture = config.databaseUrl ? await capturePostgres({ ...config, databaseUrl: config.databaseUrl }) : await captureEmbeddedDatabase(config);
  let manifest: Manifest;
  try {
    manifest = await writeSnapshot(capture, output);
  } finally {
    await rm(capture.dir, { recursive: true, force: true });
  }
  const held = capture.kind === 'pglite' ? 'the embedded database was held' : 'uploads and file deletions waited';
  process.stdout.write([`Snapshot written to ${output}`, ...summary(manifest), `  pause        ${held} for ${capture.heldMs} ms`, ''].join('\n'));
  if (manifest.files.missing.length > 0) {
    process.stderr.write(`warning: ${manifest.files.missing.length} stored files were already missing from ${join(config.dataDir, 'files')} (first: ${manifest.files.missing[0]}); their rows are in the snapshot without them\n`);
  }
}

runCli('Backup', main);
