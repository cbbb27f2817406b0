import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { passwordProblem } from '@lmr/domain';

/** Where, in DATA_DIR, the demo's sign-in details are kept for later starts to print again. */
export const DEMO_SIGN_IN_FILE = 'demo-sign-in.json';

/**
 * Which database a kept file is about. The embedded database's file lies in its own DATA_DIR,
 * so it is about that database wherever the folder is moved; a PostgreSQL database is named.
 */
export function demoDatabaseName(database: { kind: 'postgres' | 'pglite'; description: string }): string {
  return database.kind === 'pglite' ? 'embedded' : database.description;
}

export interface DemoClassSignIn {
  name: string;
  school: string;
  classCode: string;
  pupils: { name: string; code: string }[];
}

/** What a person needs to try the demo: written once per install, never in the source. */
export interface DemoSignIn {
  /** The database the demo was written into (demoDatabaseName). */
  database: string;
  writtenAt: string;
  /** The staff accounts' password; null when this install's password was not kept (see seedDemo). */
  staffPassword: string | null;
  staff: { role: string; email: string }[];
  classes: DemoClassSignIn[];
}

/** Lower-case letters and digits without look-alikes, so the password can be read off a screen. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh demo password from node:crypto: three groups of four (about 59 bits). */
export function newDemoPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''));
    const password = groups.join('-');
    // The same policy as every other password, so the demo's could be typed into the change form.
    if (passwordProblem(password) === null) return password;
  }
}

/** Writes the file readable by its owner only (0600), replacing the old one in one step. */
export function writeDemoSignIn(dataDir: string, signIn: DemoSignIn): string {
  const path = join(dataDir, DEMO_SIGN_IN_FILE);
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(signIn, null, 2) + '\n', { mode: 0o600 });
  renameSync(partial, path);
  return path;
}

export function readDemoSignIn(dataDir: string): DemoSignIn | null {
  const path = join(dataDir, DEMO_SIGN_IN_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DemoSignIn;
  } catch {
    return null;
  }
}

/**
 * The start banner's lines about the demo. `signIn` is what the database holds now (class and
 * pupil codes); the password comes from `kept`, the file, when it describes this database.
 */
export function demoSignInLines(signIn: DemoSignIn, kept: DemoSignIn | null, file: string): string[] {
  const password = kept && kept.database === signIn.database ? kept.staffPassword : null;
  const example = signIn.classes.find((c) => c.pupils.length > 0);
  return [
    'Demo sign-in (this database holds the demo programme; its password and codes were made for this install):',
    password
      ? `  staff password   ${password}`
      : `  staff password   printed when the demo was written (not kept in ${file})`,
    ...signIn.staff.map((s) => `  ${s.role.padEnd(16)} ${s.email}`),
    `  PUPIL            class codes ${signIn.classes.map((c) => `${c.classCode} (${c.name})`).join(', ')}; each pupil's own code is on the class's sign-in cards`,
    ...(example ? [`  for example      ${example.pupils[0]!.name}: class code ${example.classCode}, personal code ${example.pupils[0]!.code}`] : []),
    ...(password ? [`  every code:      ${file}`] : []),
  ];
}
