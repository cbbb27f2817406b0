// Measures the portal the way the web's own tool does: Lighthouse 12 in its default mobile mode
// (a mid-range phone: simulated 4× slower CPU, 150 ms round trips, 1.6 Mbit/s) driving Debian's
// chromium, against the built product started as `npm start` starts it, with NODE_ENV=production.
// Pages: the pupil sign-in page, the pupil's home (signed in through GraphQL first; the session
// cookie goes along as an extra header) and the public exhibition. A measurement, never a test:
// it prints the scores and writes web/lighthouse-results/ (latest.md, and per run the JSON and
// HTML reports). Run `npm run build` first (`npm run lighthouse` at the root does).
//
//   node scripts/lighthouse.mjs [--runs 3] [--port N (default: a free one)] [--only pupil-sign-in,exhibition]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    port: { type: 'string' },
    only: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));

/** A port nobody listens on (another server there would answer the health check for ours). */
async function portToUse(wanted) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${wanted} is in use: pass another with --port`)));
    probe.listen(wanted ?? 0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
const port = await portToUse(args.port === undefined ? undefined : Number(args.port));
const base = `http://127.0.0.1:${port}`;
const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(web, 'lighthouse-results');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The built product, started as `npm start` starts it, on a fresh embedded database with the demo programme. */
async function startProduct() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lmr-lighthouse-'));
  // From api/, as `npm start` runs it (the seed reads its sample files relative to it).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'dist/main.js'], {
    cwd: join(web, '..', 'api'),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', DEMO_SEED: 'always', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${output.slice(-2000)}`);
    try {
      if ((await fetch(`${base}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    output: () => output,
    // The demo's sign-in details are made per install and kept beside its database.
    demoSignIn: () => JSON.parse(readFileSync(join(dataDir, 'demo-sign-in.json'), 'utf8')),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function graphql(query, variables, headers = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return { data: body.data, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** A demo pupil's session cookie: the first pupil of the first demo class signs in as the sign-in page does. */
async function pupilSessionCookie(demo) {
  const { classCode, pupils } = demo.classes[0];
  const pupil = await graphql('mutation($input: PupilSignInInput!) { signInPupil(input: $input) { token } }', { input: { classCode, pupilCode: pupils[0].code } });
  if (!pupil.cookie) throw new Error('pupil sign-in set no cookie');
  return pupil.cookie;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const score = (category) => Math.round((category?.score ?? 0) * 100);

async function main() {
  const product = await startProduct();
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const runDir = join(results, stamp);
  mkdirSync(runDir, { recursive: true });
  const rows = [];
  try {
    const cookie = await pupilSessionCookie(product.demoSignIn());
    const pages = [
      { name: 'pupil-sign-in', path: '/pupil-sign-in' },
      { name: 'pupil-home', path: '/my', headers: { Cookie: cookie } },
      { name: 'exhibition', path: '/exhibition' },
    ].filter((page) => !args.only || args.only.split(',').includes(page.name));
    for (const page of pages) {
      const measured = [];
      for (let run = 1; run <= runs; run++) {
        const { lhr, report } = await lighthouse(
          `${base}${page.path}`,
          { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], extraHeaders: page.headers },
        );
        if (lhr.runtimeError) throw new Error(`${page.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        writeFileSync(join(runDir, `${page.name}-${run}.json`), report[0]);
        writeFileSync(join(runDir, `${page.name}-${run}.html`), report[1]);
        const audit = (id) => lhr.audits[id];
        const row = {
          page: page.name,
          run,
          finalUrl: lhr.finalDisplayedUrl,
          performance: score(lhr.categories.performance),
          accessibility: score(lhr.categories.accessibility),
          bestPractices: score(lhr.categories['best-practices']),
          fcpMs: Math.round(audit('first-contentful-paint').numericValue),
          lcpMs: Math.round(audit('largest-contentful-paint').numericValue),
          tbtMs: Math.round(audit('total-blocking-time').numericValue),
          cls: Number(audit('cumulative-layout-shift').numericValue.toFixed(3)),
          transferKb: Math.round(audit('total-byte-weight').numericValue / 1024),
          // Lighthouse's own measure of this machine's speed at the time (a fast desktop is
          // 1,500–2,500): its simulated phone is 4× slower than whatever it measured, so a busy
          // machine scores lower.
          benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
          failing: Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && ['accessibility', 'best-practices'].some((c) => lhr.categories[c].auditRefs.some((ref) => ref.id === a.id && ref.weight > 0)))
            .map((a) => a.id),
        };
        measured.push(row);
        console.log(`${row.page} #${run}: performance ${row.performance}, accessibility ${row.accessibility}, best practices ${row.bestPractices} · FCP ${row.fcpMs} ms, LCP ${row.lcpMs} ms, TBT ${row.tbtMs} ms, CLS ${row.cls}, ${row.transferKb} KB, benchmark index ${row.benchmarkIndex}${row.failing.length ? ` · failing: ${row.failing.join(', ')}` : ''}`);
      }
      rows.push(...measured);
    }
  } finally {
    await chrome.kill();
    await product.stop();
  }

  const names = [...new Set(rows.map((row) => row.page))];
  const lines = [
    `# Lighthouse ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Lighthouse 12 (mobile, simulated throttling) on ${chromePath}, the built product with NODE_ENV=production on PGlite; ${runs} run(s) per page, the median shown. Reports: \`web/lighthouse-results/${stamp}/\`. Targets: performance ≥ 90, accessibility and best practices 100.`,
    '',
    '| page | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS | transferred KB | runs (performance) | benchmark index |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...names.map((name) => {
      const of = rows.filter((row) => row.page === name);
      const m = (key) => median(of.map((row) => row[key]));
      return `| ${name} | ${m('performance')} | ${m('accessibility')} | ${m('bestPractices')} | ${m('fcpMs')} | ${m('lcpMs')} | ${m('tbtMs')} | ${m('cls')} | ${m('transferKb')} | ${of.map((row) => row.performance).join(', ')} | ${of.map((row) => row.benchmarkIndex).join(', ')} |`;
    }),
    '',
  ];
  const missed = names.filter((name) => {
    const of = rows.filter((row) => row.page === name);
    return median(of.map((r) => r.performance)) < 90 || median(of.map((r) => r.accessibility)) < 100 || median(of.map((r) => r.bestPractices)) < 100;
  });
  lines.push(missed.length ? `Missed: ${missed.join(', ')}.` : 'Every target met.', '');
  writeFileSync(join(runDir, 'summary.md'), lines.join('\n'));
  writeFileSync(join(results, 'latest.md'), lines.join('\n'));
  console.log(`\n${lines.join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
