import { isAbsolute, resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { BackupError } from './backup.errors';

/**
 * Paths on the command line are the operator's, relative to where they typed the command:
 * npm runs a workspace's script in the workspace's folder and passes the original in INIT_CWD.
 */
export function operatorPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export function cliConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) throw new BackupError('USAGE', `configuration: ${err.message}`);
    throw err;
  }
}

/** One line for the operator and the exit status of the error's kind; a stack trace only for a bug. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      if (err instanceof BackupError) {
        process.stderr.write(`${name} refused [${err.code}]: ${err.message}\n`);
        process.exit(err.exitStatus);
      }
      process.stderr.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}

export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
