/** `npm run restore -- <snapshot>`: a snapshot back into an empty data folder or an empty database. */
import 'reflect-metadata';
import { join } from 'node:path';
import { BackupError } from './backup.errors';
import { cliConfig, describeBytes, operatorPath, runCli } from './cli-support';
import { restoreSnapshot } from './restore';

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('--')) throw new BackupError('USAGE', 'usage: npm run restore -- <snapshot folder>');
  const snapshot = operatorPath(args[0]!);
  const config = cliConfig();
  const manifest = await restoreSnapshot(snapshot, config);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    [
      `Restored ${snapshot} (taken ${manifest.createdAt})`,
      `  database     ${config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `embedded, in ${join(config.dataDir, 'pglite')}`}: ${rows} rows in ${Object.keys(manifest.counts).length} tables, as counted when it was taken`,
      manifest.files.included
        ? `  files        ${manifest.files.count} stored files (${describeBytes(manifest.files.bytes)}) in ${join(config.dataDir, 'files')}`
        : '  files        not in the snapshot (FILE_STORE=s3): restore the bucket from its own versioning to the same moment',
      'Start the server as usual; it brings the schema up to date if the snapshot is older than this version.',
      '',
    ].join('\n'),
  );
}

runCli('Restore', main);
