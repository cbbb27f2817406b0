import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file in DATA_DIR that names the one process using the embedded database. */
export const LOCK_FILE = 'embedded-database.lock';

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(
      holder.host === hostname()
        ? `the embedded database in ${dataDir} is in use by process ${holder.pid} (a running server or command): stop it first, or set DATABASE_URL for PostgreSQL`
        : `the embedded database in ${dataDir} is in use by process ${holder.pid} on host ${holder.host}: stop it first; ` +
            `if nothing there uses it any more, delete ${join(dataDir, LOCK_FILE)}`,
    );
  }
}

interface Holder {
  pid: number;
  host: string;
}

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite is one process's database: a second process opening the same data folder (a second
 * server, or a command such as create-admin while the server runs) would write over pages the
 * first one holds and corrupt it. The first process writes its pid here; a later one refuses
 * while that process lives. A lock left by a process that died (SIGKILL, power cut) is stale
 * and taken over, so a crash never stops the next start. Our own pid counts as stale too: in a
 * container the server is pid 1 after every restart. A lock from another host (another
 * container sharing the volume) cannot be checked from here, so it is refused, with the way out.
 */
export function lockDataDir(dataDir: string, what: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), what, since: new Date().toISOString() }) + '\n');
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const holder = holderOf(path);
      if (holder !== null && (holder.host !== hostname() || (holder.pid !== process.pid && isAlive(holder.pid)))) {
        throw new DataDirBusyError(dataDir, holder);
      }
      unlinkSync(path);
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Only our own lock: never one another process took over meanwhile.
      const holder = holderOf(path);
      if (holder?.pid === process.pid && holder.host === hostname()) unlinkSync(path);
    },
  };
}

/** Who holds the lock, or null when the file cannot be read (then the lock is stale). */
function holderOf(path: string): Holder | null {
  try {
    const { pid, host } = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
    return { pid, host: typeof host === 'string' ? host : hostname() };
  } catch {
    return null;
  }
}

/** Whether a process with this pid lives on this machine (under any user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
