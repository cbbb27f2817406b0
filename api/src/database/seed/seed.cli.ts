/** `npm run seed`: writes the demo programme into the configured database (idempotent). */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../config/config';
import { DatabaseUnavailableError, openDatabase } from '../database';
import { DEMO_SAMPLE_PATH } from './sample-path';
import { seedDemo } from './seed';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const summary = await seedDemo(database.dataSource, DEMO_SAMPLE_PATH);
    console.log(
      `Demo data in ${database.description}: ${summary.schools} schools, ${summary.classes} classes, ${summary.pupils} pupils, ${summary.staff} staff, ${summary.collectionObjects} collection objects${summary.created ? '' : ' (already there; nothing duplicated)'}.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else if (err instanceof DatabaseUnavailableError) console.error(`Database error: ${err.message}`);
  else console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
