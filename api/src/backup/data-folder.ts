import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirBusyError, lockDataDir } from '../database/data-dir-lock';
import { BackupError } from './backup.errors';

/**
 * Who has the embedded database folder open. PGlite runs inside one process and its folder must
 * never be opened by two at once, so:
 * - a running server writes ENDPOINT_FILE (its pid, its loopback address and a secret, mode
 *   0600) once it listens and removes it when it stops; the backup CLI reads it and asks the
 *   server to take the snapshot;
 * - the CLI, opening the folder itself while no server runs, holds the folder's one lock
 *   (database/data-dir-lock.ts), which the server takes before it opens the folder, so the two
 *   cannot overlap.
 */
export const ENDPOINT_FILE = 'backup-endpoint.json';

export interface BackupEndpoint {
  pid: number;
  host: string;
  port: number;
  secret: string;
}

export function readEndpoint(dataDir: string): BackupEndpoint | null {
  const path = join(dataDir, ENDPOINT_FILE);
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupEndpoint>;
    if (typeof value.pid !== 'number' || typeof value.port !== 'number' || typeof value.host !== 'string' || typeof value.secret !== 'string') return null;
    return value as BackupEndpoint;
  } catch {
    return null;
  }
}

/** Written aside and renamed, readable by its owner only: the secret lets a caller snapshot the whole database. */
export function writeEndpoint(dataDir: string, endpoint: BackupEndpoint): void {
  const path = join(dataDir, ENDPOINT_FILE);
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(endpoint), { mode: 0o600 });
  renameSync(partial, path);
}

/** Removes the endpoint file if it is this process's (a newer server may have replaced it). */
export function removeEndpoint(dataDir: string, pid = process.pid): void {
  if (readEndpoint(dataDir)?.pid === pid) rmSync(join(dataDir, ENDPOINT_FILE), { force: true });
}

/**
 * Takes the embedded folder's one lock (database/data-dir-lock.ts, the same the server takes
 * before it opens the folder) for a backup or restore run without the server. Returns the
 * function that lets it go.
 */
export function takeToolLock(dataDir: string, what: string): () => void {
  try {
    const lock = lockDataDir(dataDir, what);
    return () => lock.release();
  } catch (err) {
    if (err instanceof DataDirBusyError) throw new BackupError('UNSAFE', err.message);
    throw err;
  }
}
