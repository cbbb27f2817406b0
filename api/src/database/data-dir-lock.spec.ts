import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusyError, LOCK_FILE, lockDataDir } from './data-dir-lock';

/** The lock that keeps a second process off the embedded database (the server's side is in production-start). */
describe('the embedded data folder lock', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'lmr-lock-'));
    dirs.push(d);
    return d;
  };
  const holdBy = (d: string, pid: number, host = hostname()) => writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid, host, what: 'test' }));
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names its holder while held, and is gone once released', () => {
    const d = dir();
    const lock = lockDataDir(d, 'server');
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), what: 'server' });
    lock.release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock naming its own pid: the server in a restarted container is pid 1 again', () => {
    const d = dir();
    holdBy(d, process.pid);
    lockDataDir(d, 'server').release();
  });

  it('refuses while the process named in it lives, and takes it over once that process is gone', async () => {
    const d = dir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      holdBy(d, child.pid!);
      expect(() => lockDataDir(d, 'create-admin')).toThrow(DataDirBusyError);
      expect(() => lockDataDir(d, 'create-admin')).toThrow(`is in use by process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    const lock = lockDataDir(d, 'create-admin');
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock from another host, which it cannot check, and says how to clear it', () => {
    const d = dir();
    holdBy(d, 12345, 'another-container');
    expect(() => lockDataDir(d, 'server')).toThrow(`on host another-container: stop it first; if nothing there uses it any more, delete ${join(d, LOCK_FILE)}`);
  });

  it('takes over an unreadable lock, and a release never removes a lock another process took', () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), 'half-written');
    const lock = lockDataDir(d, 'server');
    holdBy(d, 999999, 'another-container');
    lock.release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(true);
  });
});
