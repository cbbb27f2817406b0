// Sums the JSON reports of every suite (Jest, Vitest, Playwright) into one closing line.
// A step that failed without a failing test in its report still counts as one failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  let p = 0;
  let f = 0;
  if (report.stats && 'expected' in report.stats) {
    // Playwright
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
  } else {
    // Jest and Vitest share this shape
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  }
  rows.push(`${file.replace(/\.json$/, '').padEnd(10)} ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
const stepFailures = failedSteps.filter(Boolean);
if (stepFailures.length > 0 && failed === 0) failed = stepFailures.length;
for (const row of rows) console.log(row);
if (stepFailures.length) console.log(`failed steps: ${stepFailures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stepFailures.length > 0 ? 1 : 0);
