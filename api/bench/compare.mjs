// npm run bench:compare -- --before <git ref> [--only "public exhibition page,collection search"] [--seconds 5] [--rounds 4]
// Two builds of the API side by side on the benchmark's data set (build it once with
// `npm run bench`), loaded in alternating turns (before, after, after, before…) so that a machine
// whose speed changes from minute to minute moves both alike: on a busy machine their ratio says
// more than either number. "before" is compiled from <git ref>'s api/src into a temporary
// folder inside api/ (so it finds the same node_modules), "after" is api/dist. Writes
// bench/results/compare-<time>.md. Numbers are measured here, never asserted in tests.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_SEASON, benchId } from './district.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const api = join(here, '..');
const root = join(api, '..');
const { values: opts } = parseArgs({
  options: {
    before: { type: 'string' },
    size: { type: 'string', default: 'district' },
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '20' },
    port: { type: 'string', default: '3200' },
    only: { type: 'string' },
  },
});
if (!opts.before) throw new Error('--before <git ref> is required');
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/lmr_bench_${opts.size}_${opts.seed}`;
  return u.toString();
})();
const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** The public reads the bench measures, by POST as before issue 17 (both builds answer it). */
const OPERATIONS = [
  {
    name: 'public exhibition page',
    body: () => ({
      query:
        'query ($season: String!, $theme: Theme) { exhibition(season: $season, theme: $theme, first: 20) { edges { node { slug projectTitle { zh en } credit { zh en } museumName { zh } theme gradeBand outcome coverImageUrl season { key } } } pageInfo { hasNextPage endCursor } } }',
      variables: { season: BENCH_SEASON, theme: pick([null, 'HISTORY', 'CRAFTS', 'SCIENCE', 'ART', 'CHARACTERS']) },
    }),
  },
  {
    name: 'collection search',
    body: () => ({
      query: 'query ($q: String) { collectionObjects(search: $q, first: 20) { totalCount edges { node { id title { zh en } period { zh } themes } } } }',
      variables: { q: `文物 ${Math.floor(Math.random() * 50)}` },
    }),
  },
  {
    name: 'object page',
    body: () => ({ query: 'query ($id: ID!) { collectionObject(id: $id) { id accessionNumber title { zh en } period { zh en } themes } }', variables: { id: benchId(`object${1 + Math.floor(Math.random() * 50)}`) } }),
  },
];

const children = new Set();
const cleanUps = new Set();
process.on('exit', () => {
  children.forEach((c) => c.kill('SIGKILL'));
  cleanUps.forEach((f) => f());
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function buildBefore(ref) {
  const dir = mkdtempSync(join(api, '.compare-'));
  cleanUps.add(() => rmSync(dir, { recursive: true, force: true }));
  const tar = execFileSync('git', ['archive', ref, 'src'], { cwd: api, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { types: ['node'], rootDir: 'src', outDir: 'dist' }, include: ['src'], exclude: ['src/**/*.spec.ts'] }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  return join(dir, 'dist', 'main.js');
}

function start(main, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-semi-space-size=64', main], {
      env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', DB_POOL_SIZE: '20', DEMO_SEED: 'never' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/is running at/.test(out)) resolve(child);
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`${main} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

function load(port, op, seconds) {
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: Number(opts.connections),
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify(op.body()) }),
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx + graphqlErrors })),
    );
  });
}

const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
const operations = only ? OPERATIONS.filter((op) => only.some((o) => op.name.startsWith(o))) : OPERATIONS;
const beforeMain = buildBefore(opts.before);
const ports = { before: Number(opts.port), after: Number(opts.port) + 1 };
await start(beforeMain, ports.before);
await start(join(api, 'dist', 'main.js'), ports.after);
const lines = [];
for (const op of operations) {
  for (const build of ['before', 'after']) await load(ports[build], op, 2);
  const turns = { before: [], after: [] };
  for (let round = 0; round < Number(opts.rounds); round++) {
    for (const build of round % 2 ? ['after', 'before'] : ['before', 'after']) {
      process.stderr.write(`${op.name}: ${build} (${round + 1} of ${opts.rounds})…\n`);
      turns[build].push(await load(ports[build], op, Number(opts.seconds)));
    }
  }
  const ratios = turns.after.map((a, i) => Math.round((a.rps / turns.before[i].rps) * 100) / 100);
  const cell = (t) => `${t.rps} (p99 ${t.p99})${t.errors ? `, ${t.errors} errors` : ''}`;
  lines.push(`| ${op.name} | ${turns.before.map(cell).join('; ')} | ${turns.after.map(cell).join('; ')} | ${ratios.join(', ')} |`);
}
const when = new Date().toISOString();
const md = `# Before and after ${when}\n\nBefore: \`${opts.before}\` (api/src compiled apart); after: this tree's api/dist. Data set ${opts.size} (seed ${opts.seed}), ${opts.connections} connections, ${opts.rounds} turns of ${opts.seconds} s each, alternating, after 2 s unrecorded; requests/s with p99 ms.\n\n| operation | before | after | after ÷ before, turn by turn |\n|---|---|---|---|\n${lines.join('\n')}\n`;
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `compare-${when.replace(/[:.]/g, '-')}.md`), md);
process.stdout.write(`\n${md}\n`);
process.exit(0);
