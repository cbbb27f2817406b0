/**
 * `npm run create-admin -- --email <address> --museum "<name>" [--museum-en "<name>"] [--url <portal>]`:
 * the first admin of a fresh install. Prints a one-time invitation link (README "Going to production").
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DomainError } from '../common/errors';
import { ConfigError, loadConfig } from '../config/config';
import { DataDirBusyError, lockDataDir, type DataDirLock } from '../database/data-dir-lock';
import { DatabaseUnavailableError, openDatabase } from '../database/database';
import { createAdminInvitation } from './create-admin';

const USAGE = `Usage: npm run create-admin -- --email <address> [--museum "<name in Chinese>"] [--museum-en "<name in English>"]
                                 [--city "<city>"] [--city-en "<city>"] [--url <the portal's address>]
  Creates the museum if there is none yet, and prints a one-time link with which the person at
  <address> becomes an ADMIN, choosing their own name and password (valid INVITATION_DAYS days).
  --museum is needed while there is no museum, or to pick one when there are several.
  --url is where people open the portal (default http://localhost:PORT).
  Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server there first).`;

/** Wrong arguments: the usage and exit code 2, as command-line tools do. */
class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        museum: { type: 'string' },
        'museum-en': { type: 'string' },
        city: { type: 'string' },
        'city-en': { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  if (v.help) return null;
  if (!v.email) throw new UsageError('--email is required');
  let base: string | undefined;
  if (v.url !== undefined) {
    let url: URL;
    try {
      url = new URL(v.url);
    } catch {
      throw new UsageError(`--url "${v.url}" is not a web address (expected https://museum.example.org)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--url must start with https:// or http://');
    base = url.origin + url.pathname.replace(/\/+$/, '');
  }
  return { email: v.email, museum: v.museum, museumEn: v['museum-en'], city: v.city, cityEn: v['city-en'], base };
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (args === null) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  // PGlite is one process's database: a server running on the same folder must be stopped first.
  const lock: DataDirLock | null = config.databaseUrl ? null : lockDataDir(config.dataDir, 'npm run create-admin');
  try {
    const database = await openDatabase(config);
    try {
      const created = await createAdminInvitation(database.dataSource, { ...args, invitationDays: config.invitationDays });
      const base = args.base ?? `http://localhost:${config.port}`;
      console.log(
        [
          created.museum.created ? `Museum created: ${created.museum.nameZh} (${created.museum.nameEn}).` : `Museum: ${created.museum.nameZh} (${created.museum.nameEn}).`,
          `Invitation for ${created.email} to become an ADMIN. Open this link (it works once, until ${created.expiresAt.toISOString()}) to choose a name and password:`,
          '',
          `  ${base}${created.acceptPath}`,
          '',
          'Send it only to that person: whoever opens it first becomes the admin. Running this command again replaces the link.',
        ].join('\n'),
      );
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`create-admin: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else if (err instanceof DatabaseUnavailableError || err instanceof DataDirBusyError) console.error(`Database error: ${err.message}`);
  else if (err instanceof DomainError) console.error(`create-admin: ${err.message}`);
  else console.error(`create-admin failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
