import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo's sign-in details. They are made per install (no password or code is in the source):
 * the server under test writes them to demo-sign-in.json in its data folder on its first start
 * (playwright.config.ts gives it LMR_E2E_DATA_DIR). Read lazily, inside a test: the file exists
 * only once the web server has started, after Playwright has loaded the spec files.
 */
interface DemoSignIn {
  staffPassword: string;
  classes: { name: string; classCode: string; pupils: { name: string; code: string }[] }[];
}

let kept: DemoSignIn | null = null;

function demoSignIn(): DemoSignIn {
  if (kept) return kept;
  const dataDir = process.env.LMR_E2E_DATA_DIR;
  if (!dataDir) throw new Error('LMR_E2E_DATA_DIR is not set: run the journeys with web/playwright.config.ts');
  const read = JSON.parse(readFileSync(join(dataDir, 'demo-sign-in.json'), 'utf8')) as DemoSignIn;
  if (!read.staffPassword) throw new Error(`no demo password kept in ${dataDir}/demo-sign-in.json`);
  kept = read;
  return read;
}

/** The demo staff's password (every demo staff account has it). */
export function demoPassword(): string {
  return demoSignIn().staffPassword;
}

/** A demo class's code, by the class's name (四年级二班, 五年级一班, 初一(3)班). */
export function demoClassCode(className: string): string {
  const found = demoSignIn().classes.find((c) => c.name === className);
  if (!found) throw new Error(`no demo class is called ${className}`);
  return found.classCode;
}
