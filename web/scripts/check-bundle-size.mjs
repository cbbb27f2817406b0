// Fails the build when the JavaScript that the first screens transfer grows past the budget.
// For each first screen (the two sign-in pages and the pupil's home), that is the entry chunk
// with everything it imports statically, plus the route's lazy page with its static imports, plus
// what the page loads at once by itself (a signed-in person's header: the notifications link and
// the WebSocket client), as dist/.vite/manifest.json records them. Each file counts at the size
// the API sends it: the precompressed copy the build wrote beside it (web/vite.config.ts,
// @fastify/static's preCompressed), or the file itself when there is none. The budget holds for
// gzip, which every browser accepts (Chromium asks for brotli only over HTTPS and on localhost);
// brotli, smaller still, is shown beside it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const budgetKb = 170;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The first screens, by the source modules their routes load (keys of the manifest, or the end of one). */
const screens = {
  '/pupil-sign-in': ['src/features/auth/PupilSignInPage.tsx'],
  '/sign-in': ['src/features/auth/SignInPage.tsx'],
  '/my': [
    'src/features/pupil/PupilHomePage.tsx',
    // The header of someone signed in (ui/AccountArea.tsx) and its live notifications.
    'src/features/notifications/NotificationsLink.tsx',
    'node_modules/graphql-ws/dist/client.js',
    'node_modules/@apollo/client/link/subscriptions/index.js',
  ],
};

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

const keyFor = (module) => Object.keys(manifest).find((key) => key === module || key.endsWith(`/${module}`));

/** The chunk files a set of modules brings, with their static imports (lazy ones are not followed). */
function filesOf(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files].filter((file) => file.endsWith('.js'));
}

/** Bytes on the wire for one encoding: the precompressed copy if the build wrote one, else the file. */
function served(file, extension) {
  const compressed = join(dist, `${file}.${extension}`);
  return existsSync(compressed) ? statSync(compressed).size : statSync(join(dist, file)).size;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
let failed = false;
const uncompressed = new Set();
for (const [screen, modules] of Object.entries(screens)) {
  const keys = modules.map((module) => {
    const key = keyFor(module);
    if (!key) {
      console.error(`check-bundle-size: ${screen} loads ${module}, which the manifest does not list (renamed? update scripts/check-bundle-size.mjs)`);
      process.exit(1);
    }
    return key;
  });
  const files = filesOf([...entries, ...keys]);
  for (const file of files) if (!existsSync(join(dist, `${file}.gz`)) && statSync(join(dist, file)).size > 1024) uncompressed.add(file);
  const gzip = files.reduce((total, file) => total + served(file, 'gz'), 0);
  const brotli = files.reduce((total, file) => total + served(file, 'br'), 0);
  const summary = `${screen}: ${kb(gzip)} KB of JavaScript as sent with gzip, ${kb(brotli)} KB with brotli, in ${files.length} file(s) (budget ${budgetKb} KB)`;
  if (gzip / 1024 > budgetKb) {
    failed = true;
    console.error(`check-bundle-size: FAILED, ${summary}. Load more of it lazily or drop a dependency.`);
  } else {
    console.log(`check-bundle-size: ok, ${summary}`);
  }
}
if (uncompressed.size > 0) {
  console.error(`check-bundle-size: FAILED, no precompressed copy of ${[...uncompressed].join(', ')} (the lmr-precompress plugin in vite.config.ts did not run?)`);
  failed = true;
}
if (failed) process.exit(1);
