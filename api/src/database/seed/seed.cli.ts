/** `npm run seed`: writes the demo programme into the configured database (idempotent). */
import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/config';
import { DataDirBusyError, lockDataDir, type DataDirLock } from '../data-dir-lock';
import { DatabaseUnavailableError, openDatabase } from '../database';
import { DEMO_SIGN_IN_FILE, demoDatabaseName, demoSignInLines, readDemoSignIn, writeDemoSignIn } from './demo-sign-in';
import { DEMO_SAMPLE_PATH } from './sample-path';
import { seedDemo } from './seed';

async function main() {
  const config = loadConfig();
  // The embedded database is one process's: a running server there must be stopped first.
  const lock: DataDirLock | null = config.databaseUrl ? null : lockDataDir(config.dataDir, 'npm run seed');
  try {
    const database = await openDatabase(config);
    try {
      const { signIn, ...summary } = await seedDemo(database.dataSource, DEMO_SAMPLE_PATH, demoDatabaseName(database));
      console.log(
        `Demo data in ${database.description}: ${summary.schools} schools, ${summary.classes} classes, ${summary.pupils} pupils, ${summary.staff} staff, ${summary.collectionObjects} collection objects${summary.created ? '' : ' (already there; nothing duplicated, the first run\'s password and codes kept)'}.`,
      );
      const file = join(config.dataDir, DEMO_SIGN_IN_FILE);
      let kept = readDemoSignIn(config.dataDir);
      if (signIn.staffPassword) {
        // Printed now, when they are made; kept (0600) so that later starts can print them again.
        kept = signIn;
        try {
          writeDemoSignIn(config.dataDir, signIn);
        } catch (err) {
          console.error(`Could not keep the sign-in details in ${file}: ${err instanceof Error ? err.message : String(err)}; note them now.`);
        }
      }
      console.log(demoSignInLines(signIn, kept, file).join('\n'));
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else if (err instanceof DatabaseUnavailableError || err instanceof DataDirBusyError) console.error(`Database error: ${err.message}`);
  else console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
