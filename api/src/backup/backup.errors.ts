/**
 * Why a backup, a check or a restore was refused or failed. The CLI prints the code and the
 * message on one line (no stack trace: these are for an operator to act on) and exits with
 * the code's exit status, so a cron job or a script can tell "refused" from "corrupted".
 */
export type BackupErrorCode =
  /** The command line or the configuration makes no sense. */
  | 'USAGE'
  /** Taking or restoring now could damage data: the folder is open elsewhere, the server does not answer. */
  | 'UNSAFE'
  /** Restore only writes into an empty data folder or an empty database. */
  | 'TARGET_NOT_EMPTY'
  /** The snapshot's database kind differs from the configured one (PGlite vs PostgreSQL). */
  | 'KIND_MISMATCH'
  /** The output folder already holds something. */
  | 'OUTPUT_EXISTS'
  /** No manifest, an unknown format or version, or a file the manifest names is missing. */
  | 'SNAPSHOT_INVALID'
  /** A file's bytes differ from the checksum in the manifest. */
  | 'CHECKSUM_MISMATCH'
  /** The restored database does not hold the rows the manifest counted. */
  | 'RESTORE_MISMATCH'
  /** pg_dump or pg_restore is missing or failed. */
  | 'TOOL_FAILED'
  /** Another backup is being taken by the server right now. */
  | 'BUSY';

const EXIT_STATUS: Record<BackupErrorCode, number> = {
  USAGE: 2,
  UNSAFE: 3,
  TARGET_NOT_EMPTY: 3,
  KIND_MISMATCH: 3,
  OUTPUT_EXISTS: 3,
  BUSY: 3,
  SNAPSHOT_INVALID: 4,
  CHECKSUM_MISMATCH: 4,
  RESTORE_MISMATCH: 5,
  TOOL_FAILED: 6,
};

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }

  get exitStatus(): number {
    return EXIT_STATUS[this.code];
  }
}
