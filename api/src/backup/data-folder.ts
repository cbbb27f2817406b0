import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError } from './backup.errors';

/**
 * Who has the embedded database folder open. PGlite runs inside one process and its folder must
 * never be opened by two at once, so:
 * - a running server writes ENDPOINT_FILE (its pid, its loopback address and a secret, mode
 *   0600) once it listens and removes it when it stops; the backup CLI reads it and asks the
 *   server to take the snapshot;
 * - the CLI, opening the folder itself while no server runs, holds TOOL_LOCK_FILE, which the
 *   server checks before it opens the folder (database.ts), so the two cannot overlap.
 */
export const ENDPOINT_FILE = 'backup-endpoint.json';
export const TOOL_LOCK_FILE = 'offline-tool.lock';

export interface BackupEndpoint {
  pid: number;
  host: string;
  port: number;
  secret: string;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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

function lockHolder(dataDir: string): { pid: number; what: string } | null {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, TOOL_LOCK_FILE), 'utf8')) as { pid?: unknown; what?: unknown };
    return typeof value.pid === 'number' ? { pid: value.pid, what: String(value.what ?? 'a tool') } : null;
  } catch {
    return null;
  }
}

/** For the server before it opens the embedded folder: refuses while a backup or restore has it. */
export function refuseIfToolHoldsFolder(dataDir: string): void {
  const holder = lockHolder(dataDir);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new Error(`${holder.what} (process ${holder.pid}) has the data folder open; start the server when it has finished`);
  }
}

/**
 * Takes the tool lock for the CLI (a stale one, from a process that is gone, is replaced).
 * Returns the function that lets it go.
 */
export function takeToolLock(dataDir: string, what: string): () => void {
  const path = join(dataDir, TOOL_LOCK_FILE);
  const holder = lockHolder(dataDir);
  if (holder && isAlive(holder.pid)) {
    throw new BackupError('UNSAFE', `${holder.what} (process ${holder.pid}) is already working on ${dataDir}`);
  }
  rmSync(path, { force: true });
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid, what }), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError('UNSAFE', `another backup or restore started on ${dataDir} at the same moment`);
    throw err;
  }
  return () => {
    if (lockHolder(dataDir)?.pid === process.pid) rmSync(path, { force: true });
  };
}
