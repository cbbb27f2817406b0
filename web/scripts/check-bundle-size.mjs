// Fails the build when the JavaScript needed for the first screen grows past the budget.
// "First screen" = the entry chunk plus every chunk it imports statically (not the lazy routes),
// as recorded by Vite in dist/.vite/manifest.json. Sizes are gzipped, as the browser receives them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetKb = 170;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch (error) {
  console.error(`check-bundle-size: cannot read dist/.vite/manifest.json (run vite build with build.manifest): ${error.message}`);
  process.exit(1);
}

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) {
  console.error('check-bundle-size: the manifest lists no entry chunk');
  process.exit(1);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
entries.forEach(visit);

const javascript = [...files].filter((file) => file.endsWith('.js'));
const bytes = javascript.reduce((total, file) => total + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
const kb = bytes / 1024;
const summary = `first-screen JS: ${kb.toFixed(1)} KB gzipped in ${javascript.length} file(s) (budget ${budgetKb} KB)`;

if (kb > budgetKb) {
  console.error(`check-bundle-size: FAILED, ${summary}. Load more of it lazily or drop a dependency.`);
  process.exit(1);
}
console.log(`check-bundle-size: ok, ${summary}`);
