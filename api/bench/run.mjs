// npm run bench [-- --size small|district] [--seed 1] [--duration 10] [--connections 20] [--profile] [--port 3200] [--only "class progress,grading view"]
// Builds (once) a district-sized data set in PostgreSQL, starts the built API and a bare Apollo
// Server, loads both from this separate process with autocannon, and writes a Markdown and a
// JSON report to bench/results/. Numbers are measured here, never asserted in tests.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_SEASON, BIG_CLASS, benchId, buildDistrict, MARKER_TABLE, SIZES } from './district.mjs';
import { chromiumMissing, measureFirstScreens } from './first-screen.mjs';
import { nginxMissing, startNginx } from './nginx.mjs';
import { loadManifest, publicRead, publicReadForm } from './public-reads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'district' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
    // The API listens here, the bare Apollo Server on the next port and nginx ten above.
    port: { type: 'string', default: '3200' },
    // Only the operations whose names start with one of these (comma-separated); the floors always run.
    only: { type: 'string' },
  },
});
if (!SIZES[opts.size]) throw new Error(`--size is one of ${Object.keys(SIZES).join(', ')}`);
const seed = Number(opts.seed);
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `lmr_bench_${opts.size}_${seed}`;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const API_PORT = Number(opts.port);
const WARM_UP_SECONDS = 2;
const FLOOR_ROUNDS = 3;
const BARE_PORT = API_PORT + 1;
const NGINX_PORT = API_PORT + 10;

function log(line) {
  process.stderr.write(`${line}\n`);
}

async function prepareDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount > 0;
  if (exists) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    // Built by this version of the generator (an older data set lacks what newer operations read).
    const marked = (await c.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [MARKER_TABLE])).rows[0].ok;
    await c.end();
    if (marked) {
      await admin.end();
      log(`data set ${dbName} already built`);
      return;
    }
    await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  // Migrations run when the API starts; start it once to create the schema, then fill it.
  const api = await startApi(false);
  await stop(api);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const started = Date.now();
  log(`building the ${opts.size} data set (seed ${seed}) in ${dbName}…`);
  await buildDistrict(c, opts.size, seed);
  const counts = (
    await c.query(
      `SELECT (SELECT count(*) FROM app_user WHERE role = 'PUPIL') AS pupils, (SELECT count(*) FROM work_version) AS versions, (SELECT count(*) FROM assignment) AS assignments,
              (SELECT count(*) FROM nomination) AS nominations, (SELECT count(*) FROM nomination WHERE exhibition_slug IS NOT NULL AND guardian_consent) AS exhibited`,
    )
  ).rows[0];
  await c.end();
  log(
    `built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.pupils} pupils, ${counts.assignments} assignments, ${counts.versions} submission versions, ${counts.nominations} nominations (${counts.exhibited} exhibited)`,
  );
}

const children = new Set();
// However the bench ends (an error, Ctrl-C), nothing it started outlives it: the API, the bare
// Apollo Server and nginx are killed, and nginx's folder goes with the exit handler below.
const onExit = new Set();
process.on('exit', () => {
  children.forEach((c) => c.kill('SIGKILL'));
  onExit.forEach((f) => f());
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function startProcess(command, args, env, readyPattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    const onData = (d) => {
      out += d.toString();
      if (readyPattern.test(out)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

function startApi(profile, profileDir = join(root, 'bench', 'results')) {
  return startProcess(
    process.execPath,
    // Started as `npm start` and the image start it: a 64 MB young generation (V8's default of
    // 16 MB made class progress collect garbage so often that it ran a quarter slower).
    ['--max-semi-space-size=64', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), join(root, 'api', 'dist', 'main.js')],
    { DATABASE_URL: dbUrl, PORT: String(API_PORT), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', GRAPHQL_SQL_COUNT: 'true', DB_POOL_SIZE: '20', DEMO_SEED: 'never' },
    /is running at/,
  );
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => {
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function gql(port, token, query, variables) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const token = (userId) => `bench-${userId}`;

/** One request made whole (a public read by GET or POST), answered as JSON. */
async function rawRequest(port, { method, path, body, headers }) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body });
  return res.json().catch(() => null);
}

/** What the public exhibition page answered before issue 17 (the issue's "about 200 requests/s"). */
const EXHIBITION_BEFORE_ISSUE_17 = 200;

/** Issues 9's and 17's targets on the 2-core machine, per operation (the floor's is checked apart). */
const TARGETS = [
  { operation: 'class progress', minRps: 600, maxP99: 60 },
  { operation: 'grading view', minRps: 600, maxP99: 60 },
  { operation: 'deadline rush', maxP99: 300, maxErrors: 0 },
  // Issue 17: the exhibition page uncached at twice its old rate, by POST and as the portal's GET.
  { operation: 'public exhibition page', exact: true, minRps: 2 * EXHIBITION_BEFORE_ISSUE_17 },
  { operation: 'public exhibition page, portal GET, uncached', exact: true, minRps: 2 * EXHIBITION_BEFORE_ISSUE_17 },
  { operation: 'collection search', minRps: 600, maxP99: 60 },
  // From nginx's cache at half this server's own { __typename } floor or better.
  { operation: 'public exhibition page, portal GET, nginx cache', exact: true, minFloorShare: 0.5 },
];
const findTarget = (results, target) => results.find((x) => (target.exact ? x.operation === target.operation : x.operation.startsWith(target.operation)));
const FLOOR_TARGET = 0.9;
/** What a bare Apollo Server 5 answered on the machine the targets were set on (issue 9). */
const ISSUE_BARE_APOLLO = 12000;

/**
 * The targets are absolute, and this machine's speed varies from day to day (a bare Apollo
 * Server has answered 6,000–12,000 req/s on the same kind of machine). So that runs on a slower
 * or faster day can be compared, each throughput target is also given as a share of the bare
 * Apollo floor of the same run, beside the share the target is of the issue's 12,000 req/s.
 * This never turns a missed target into a met one: it is a second reading, labelled as such.
 */
function calibration(results, bareFloor) {
  return TARGETS.filter((t) => t.minRps)
    .map((target) => {
      const r = findTarget(results, target);
      if (!r || r.skipped) return null;
      return {
        operation: r.operation,
        requestsPerSecond: r.requestsPerSecond,
        shareOfBare: Math.round((r.requestsPerSecond / bareFloor) * 1000) / 1000,
        targetShareOfBare: Math.round((target.minRps / ISSUE_BARE_APOLLO) * 1000) / 1000,
      };
    })
    .filter(Boolean);
}

function missedTargets(results, floorRatio, floor) {
  const missed = [];
  if (floorRatio < FLOOR_TARGET) missed.push({ operation: 'floor: this server { __typename }', why: `${floorRatio}× bare Apollo, target ≥ ${FLOOR_TARGET}×` });
  for (const target of TARGETS) {
    const r = findTarget(results, target);
    if (!r) continue;
    if (r.skipped) {
      missed.push({ operation: r.operation, why: `not measured: ${r.skipped}` });
      continue;
    }
    const why = [];
    if (target.minFloorShare && r.requestsPerSecond < target.minFloorShare * floor)
      why.push(`${r.requestsPerSecond} req/s, target ≥ ${target.minFloorShare}× this server's floor (${Math.round(target.minFloorShare * floor)})`);
    if (target.minRps && r.requestsPerSecond < target.minRps) why.push(`${r.requestsPerSecond} req/s, target ≥ ${target.minRps}`);
    if (target.maxP99 && r.p99 > target.maxP99) why.push(`p99 ${r.p99} ms, target ≤ ${target.maxP99}`);
    // Answers that were errors are no throughput: any error misses a target unless it allows some.
    if (r.errors > (target.maxErrors ?? 0)) why.push(`${r.errors} errors`);
    if (why.length) missed.push({ operation: r.operation, why: why.join('; ') });
  }
  return missed;
}

/** Every target of this run, met or missed, for the report. */
function targetReport(results, floor, missed) {
  const rows = [];
  for (const target of TARGETS) {
    const r = findTarget(results, target);
    if (!r) continue;
    const wanted = [
      target.minRps && `≥ ${target.minRps} req/s`,
      target.minFloorShare && `≥ ${target.minFloorShare}× this server's floor (${Math.round(target.minFloorShare * floor)} req/s)`,
      target.maxP99 && `p99 ≤ ${target.maxP99} ms`,
      target.maxErrors !== undefined && `${target.maxErrors} errors`,
    ].filter(Boolean);
    const measured = r.skipped ? `skipped: ${r.skipped}` : `${r.requestsPerSecond} req/s, p99 ${r.p99} ms, ${r.errors} errors`;
    rows.push({ operation: r.operation, target: wanted.join(', '), measured, met: !missed.some((m) => m.operation === r.operation) });
  }
  return rows;
}

/** Where a CPU profile's time went: self time grouped by package, our folder, or V8/Node part. */
function summarizeProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const where = (frame) => {
    const { functionName, url } = frame;
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 and native code (program)';
    const modules = url.lastIndexOf('/node_modules/');
    if (modules >= 0) {
      const [a, b] = url.slice(modules + 14).split('/');
      return `package ${a.startsWith('@') ? `${a}/${b}` : a}`;
    }
    const dist = url.indexOf('/api/dist/');
    if (dist >= 0) return `our API: ${url.slice(dist + 10).split('/')[0].replace(/\.js$/, '')}`;
    if (url.startsWith('node:')) return `Node.js ${url.slice(5).split('/').slice(0, 2).join('/')}`;
    return url ? url : `native: ${functionName || '(anonymous)'}`;
  };
  const groups = new Map();
  const functions = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += micros;
    const group = where(frame);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} — ${group}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, micros]) => ({ name, share: Math.round((micros / busy) * 1000) / 10 }));
  return { busySeconds: Math.round(busy / 1e4) / 100, groups: top(groups, 12), functions: top(functions, 10) };
}

/**
 * Runs autocannon against one operation; requests come from `next()` (a body and token each
 * time), or, for an operation whose request never changes (`fixed`), from one call made up
 * front, so the load generator spends no CPU of this 2-core machine rebuilding it.
 */
function load(port, next, { amount, onResponse, seconds = duration, fixed = false } = {}) {
  let graphqlErrors = 0;
  let firstError = null;
  // How many SQL statements the answers say they cost (GRAPHQL_SQL_COUNT), read off their tail.
  const statementCounts = new Map();
  // What a cache in front said of each answer (nginx's X-Cache-Status: HIT, MISS, STALE…).
  const cacheStatuses = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            ...(fixed
              ? request(next({}))
              : { setupRequest: (req, context) => ({ ...req, ...request(next(context)) }) }),
            onResponse: (status, body, context, headers) => {
              const cacheStatus = headers?.['x-cache-status'];
              if (cacheStatus) cacheStatuses[cacheStatus] = (cacheStatuses[cacheStatus] ?? 0) + 1;
              if (status === 200 && body.includes('"errors"')) {
                graphqlErrors += 1;
                firstError ??= body.slice(0, 500);
              }
              const counted = /"sqlStatements":(\d+)/.exec(body.slice(-64));
              if (counted) statementCounts.set(Number(counted[1]), (statementCounts.get(Number(counted[1])) ?? 0) + 1);
              onResponse?.(status, body, context);
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, graphqlErrors, firstError, sqlStatements: mostCommon(statementCounts), cacheStatuses })),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/** The count most answers gave, or null when none said. */
function mostCommon(counts) {
  let best = null;
  for (const [value, n] of counts) if (best === null || n > counts.get(best)) best = value;
  return best;
}

/** An autocannon request: GraphQL by POST (`body`, `token`), or one made whole (`raw`: method, path, body, headers). */
function request({ body, token: t, raw }) {
  if (raw) return raw;
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) } };
}

async function main() {
  await prepareDatabase();
  const S = SIZES[opts.size];
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const bigClassTeacher = benchId('teacher1');
  const pupils = Array.from({ length: Math.min(S.pupils, 2000) }, (_, i) => i + 1);
  const classOf = (i) => (i <= BIG_CLASS ? 1 : 2 + ((i - BIG_CLASS - 1) % (S.classes - 1)));
  const assignmentOf = (i, k = 0) => benchId(`assignment${(classOf(i) - 1) * S.assignmentsPerClass + 1 + k}`);
  const drafts = (
    await db.query(
      `SELECT w.id AS work_id, w.pupil_id, p.revision FROM work w JOIN work_part p ON p.work_id = w.id AND p.part_key = 'REFLECTION'
        WHERE NOT EXISTS (SELECT 1 FROM work_version v WHERE v.work_id = w.id AND v.scope = 'PROJECT') ORDER BY w.id LIMIT 3000`,
    )
  ).rows;
  const toGrade = (
    await db.query(
      `SELECT v.id FROM work_version v JOIN work w ON w.id = v.work_id WHERE w.assignment_id = $1 AND v.scope = 'PROJECT' AND v.status = 'SUBMITTED' LIMIT 20`,
      [benchId('assignment1')],
    )
  ).rows.map((r) => r.id);

  const exhibited = (
    await db.query(`SELECT exhibition_slug FROM nomination WHERE exhibition_slug IS NOT NULL AND guardian_consent AND consent_withdrawn_at IS NULL ORDER BY exhibition_slug`)
  ).rows.map((r) => r.exhibition_slug);

  const manifest = loadManifest(root);
  const popularObjects = Array.from({ length: Math.min(50, S.objects) }, (_, i) => benchId(`object${i + 1}`));
  const publicReads = [
    {
      name: 'public exhibition page',
      operationName: 'ExhibitionSeason',
      variables: () => {
        const theme = pick([null, 'HISTORY', 'CRAFTS', 'SCIENCE', 'ART', 'CHARACTERS']);
        return { season: BENCH_SEASON, first: 20, ...(theme ? { theme } : {}) };
      },
    },
    { name: 'object page', operationName: 'ObjectPage', variables: () => ({ id: pick(popularObjects) }) },
  ];

  const api = await startApi(opts.profile);
  const bare = await startProcess(process.execPath, [join(here, 'bare-apollo.mjs')], { PORT: String(BARE_PORT) }, /ready/);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const revisions = new Map(drafts.map((d) => [d.work_id, d.revision]));
  // Half the unsubmitted drafts take autosaves, the other half (up to 1,000) rush to submit.
  const half = Math.min(1000, Math.floor(drafts.length / 2));
  const saveTargets = drafts.slice(0, half);
  const rushTargets = drafts.slice(half, half + 1000);
  let rushIndex = 0;
  const saving = new Set();
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '我又发现了一个细节。' }] }] };

  const operations = [
    { name: 'floor: bare Apollo Server { __typename }', port: BARE_PORT, fixed: true, next: () => ({ body: { query: '{ __typename }' } }) },
    { name: 'floor: this server { __typename }', fixed: true, next: () => ({ body: { query: '{ __typename }' } }) },
    {
      name: 'pupil home',
      next: () => ({ token: token(benchId(`pupil${pick(pupils)}`)), body: { query: '{ myAssignments { edges { node { id title { zh } dueAt nextMilestone { number dueAt } } } } }' } }),
    },
    {
      name: 'open the workspace',
      next: () => {
        const i = pick(pupils);
        return { token: token(benchId(`pupil${i}`)), body: { query: 'query ($id: ID!) { myWork(assignmentId: $id) { id editable parts { partKey revision body } versions { id attempt status } } }', variables: { id: assignmentOf(i) } } };
      },
    },
    {
      // Like the portal's autosave: one save of a draft in flight at a time, on the revision the
      // previous save answered (two saves of one draft racing is a conflict by design).
      name: 'save a draft',
      next: (request) => {
        let d = pick(saveTargets);
        while (saving.has(d.work_id)) d = pick(saveTargets);
        saving.add(d.work_id);
        request.saving = d;
        return {
          token: token(d.pupil_id),
          body: { query: 'mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }', variables: { input: { workId: d.work_id, partKey: 'REFLECTION', baseRevision: revisions.get(d.work_id), body: doc } } },
        };
      },
      // autocannon hands setupRequest and onResponse of one request the same context object.
      onResponse: (status, body, request) => {
        if (!request?.saving) return;
        saving.delete(request.saving.work_id);
        const revision = status === 200 ? JSON.parse(body).data?.saveWorkPart?.part?.revision : undefined;
        if (typeof revision === 'number') revisions.set(request.saving.work_id, revision);
      },
    },
    {
      name: `class progress (${BIG_CLASS} pupils)`,
      fixed: true,
      next: () => ({ token: token(bigClassTeacher), body: { query: 'query ($id: ID!) { classProgress(assignmentId: $id) { rows { name state late needsAttention attempt score released milestoneStates lateMilestones } milestoneKeys stateCounts { state count } rubricResults { levelCounts } } }', variables: { id: benchId('assignment1') } } }),
    },
    {
      name: 'grading view',
      next: () => ({ token: token(bigClassTeacher), body: { query: 'query ($id: ID!) { gradingView(versionId: $id) { version { id attempt parts { partKey body evidence { kind } } } ownerName rubric { key levels { points } } feedback { rowVersion } checkIns { text } previousVersionId nextVersionId } }', variables: { id: pick(toGrade) } } }),
    },
    {
      name: 'gradebook',
      fixed: true,
      next: () => ({ token: token(bigClassTeacher), body: { query: 'query ($id: ID!) { gradebook(classId: $id) { columns { maxPoints } rows { pupil { displayName } total totalMax cells { state score } } } }', variables: { id: benchId('class1') } } }),
    },
    {
      name: "educator's review queue",
      fixed: true,
      next: () => ({
        token: token(benchId('educator')),
        body: {
          query:
            'query ($season: String) { reviewQueue(season: $season, decided: false, first: 20) { edges { node { id label { zh en } projectTitle { zh } theme gradeBand season { key } nominatedAt scoreCount myScores { criterion score } mayBeExhibited teamWork outcome } } pageInfo { hasNextPage endCursor } } }',
          variables: { season: BENCH_SEASON },
        },
      }),
    },
    {
      name: 'public exhibition page',
      next: () => ({
        body: {
          query:
            'query ($season: String!, $theme: Theme) { exhibition(season: $season, theme: $theme, first: 20) { edges { node { slug projectTitle { zh en } credit { zh en } museumName { zh } theme gradeBand outcome coverImageUrl season { key } } } pageInfo { hasNextPage endCursor } } }',
          variables: { season: BENCH_SEASON, theme: pick([null, 'HISTORY', 'CRAFTS', 'SCIENCE', 'ART', 'CHARACTERS']) },
        },
      }),
    },
    {
      name: 'an exhibited work',
      next: () => ({
        body: {
          query: 'query ($slug: String!) { exhibitionWork(slug: $slug) { slug projectTitle { zh } credit { zh } outcome parts { partKey } } }',
          variables: { slug: pick(exhibited) },
        },
      }),
    },
    {
      name: 'collection search',
      next: () => ({ body: { query: 'query ($q: String) { collectionObjects(search: $q, first: 20) { totalCount edges { node { id title { zh en } period { zh } themes } } } }', variables: { q: `文物 ${Math.floor(Math.random() * 50)}` } } }),
    },
    // The portal's own public reads as a browser sends them (GET with the manifest's id; POST
    // where there is no manifest yet), straight to the API and through nginx's cache. The
    // object pages are the 50 most looked-at objects: a cache is for what many people read.
    ...publicReads.flatMap(({ name, operationName, variables }) => [
      { name: `${name}, portal GET, uncached`, form: publicReadForm(manifest, operationName), next: () => ({ raw: publicRead(manifest, operationName, variables()) }) },
      {
        name: `${name}, portal GET, nginx cache`,
        form: publicReadForm(manifest, operationName),
        viaCache: true,
        port: NGINX_PORT,
        next: () => ({ raw: publicRead(manifest, operationName, variables()) }),
      },
    ]),
    {
      name: `deadline rush (${rushTargets.length} submits)`,
      amount: rushTargets.length,
      next: () => {
        const d = rushTargets[rushIndex++ % rushTargets.length];
        return { token: token(d.pupil_id), body: { query: 'mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt } } }', variables: { input: { workId: d.work_id, scope: 'PROJECT', idempotencyKey: `rush-${d.work_id}` } } } };
      },
    },
  ];

  const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const chosen = only ? operations.filter((op) => op.name.startsWith('floor') || only.some((o) => op.name.startsWith(o))) : operations;
  // VACUUM first: a settled database has its visibility maps and hint bits set by autovacuum,
  // but a PostgreSQL with autovacuum off (as on the test machine) never sets them, and a data set
  // that was just built, or that earlier runs wrote to, then reads every heap page behind its
  // indexes. Runs are comparable only when each starts from the same settled state.
  await db.query('VACUUM (ANALYZE)').catch((err) => log(`no VACUUM before the run (${err.message})`));
  // A checkpoint now: PostgreSQL's next timed one (every 5 minutes by default, its writes
  // spread over 4.5) then falls after this run of about 3 minutes instead of inside some
  // operations' windows, where it made those lines alone about 15 % slower.
  await db.query('CHECKPOINT').catch((err) => log(`no CHECKPOINT before the run (${err.message}); a timed one may fall inside it`));
  const results = [];
  // The two floors are measured in turns (bare, ours, bare, ours…), so that a machine that
  // speeds up or slows down during the run moves both alike and their ratio holds.
  const floors = chosen.filter((op) => op.name.startsWith('floor'));
  const rounds = new Map(floors.map((op) => [op.name, []]));
  for (const op of floors) await load(op.port ?? API_PORT, op.next, { seconds: WARM_UP_SECONDS, fixed: op.fixed });
  for (let round = 0; round < FLOOR_ROUNDS; round++) {
    for (const op of floors) {
      log(`${op.name} (${round + 1} of ${FLOOR_ROUNDS})…`);
      rounds.get(op.name).push(await load(op.port ?? API_PORT, op.next, { seconds: Math.max(1, Math.round(duration / FLOOR_ROUNDS)), fixed: op.fixed }));
    }
  }
  for (const op of floors) {
    const runs = rounds.get(op.name);
    const total = runs.reduce((sum, run) => sum + run.result.requests.total, 0);
    const seconds = runs.reduce((sum, run) => sum + run.result.duration, 0);
    // Latencies of the middle round by throughput (percentiles of separate runs do not add up).
    const middle = [...runs].sort((a, b) => a.result.requests.average - b.result.requests.average)[Math.floor(runs.length / 2)].result;
    const probe = op.port ? null : await gql(API_PORT, null, '{ __typename }');
    results.push({
      operation: op.name,
      requestsPerSecond: Math.round(total / seconds),
      requests: total,
      p50: middle.latency.p50,
      p95: middle.latency.p97_5 ?? middle.latency.p95,
      p99: middle.latency.p99,
      errors: runs.reduce((sum, run) => sum + run.result.errors + run.result.non2xx + run.graphqlErrors, 0),
      durationSeconds: seconds,
      sqlStatements: probe?.extensions?.sqlStatements ?? null,
      note: `${FLOOR_ROUNDS} turns`,
    });
  }
  let nginx = null;
  const nginxUnusable = nginxMissing();
  for (const op of chosen.filter((o) => !o.name.startsWith('floor'))) {
    if (op.viaCache && !nginx) {
      const skipped = nginxUnusable ?? (await startCache());
      if (skipped) {
        log(`${op.name}: skipped (${skipped})`);
        results.push({ operation: op.name, skipped, note: op.form ?? null });
        continue;
      }
    }
    const port = op.port ?? API_PORT;
    const sample = op.next({});
    const probe = port !== API_PORT ? null : sample.raw ? await rawRequest(port, sample.raw) : await gql(port, sample.token, sample.body.query, sample.body.variables);
    if (op.name.startsWith('save')) {
      revisions.clear(), drafts.forEach((d) => revisions.set(d.work_id, d.revision));
      // The probe saved one draft: carry on from the revision it answered.
      const saved = probe?.data?.saveWorkPart?.part?.revision;
      if (typeof saved === 'number') revisions.set(sample.body.variables.input.workId, saved);
      saving.clear();
    }
    if (op.name.startsWith('deadline')) rushIndex = 0;
    log(`${op.name}…`);
    // A short unrecorded run first: the server's code is compiled hot and each pooled
    // connection has prepared its statements, as on a server that has been up a while. The
    // rush submits each work once, so it has no warm-up.
    if (!op.amount) await load(port, op.next, { onResponse: op.onResponse, seconds: WARM_UP_SECONDS, fixed: op.fixed });
    const { result, graphqlErrors, firstError, sqlStatements, cacheStatuses } = await load(port, op.next, { amount: op.amount, onResponse: op.onResponse, fixed: op.fixed });
    if (firstError) log(`  ${graphqlErrors} GraphQL errors; the first: ${firstError}`);
    if (result.non2xx) log(`  ${result.non2xx} answers were not 2xx`);
    const cacheNote = Object.keys(cacheStatuses).length ? `nginx: ${Object.entries(cacheStatuses).map(([k, n]) => `${n} ${k}`).join(', ')}` : null;
    results.push({
      operation: op.name,
      requestsPerSecond: Math.round(result.requests.average),
      requests: result.requests.total,
      p50: result.latency.p50,
      p95: result.latency.p97_5 ?? result.latency.p95,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + graphqlErrors,
      durationSeconds: result.duration,
      // As most answers under load said (a session checked within SESSION_CACHE_MS costs none);
      // the first request alone, before the warm-up, beside it.
      sqlStatements: sqlStatements ?? probe?.extensions?.sqlStatements ?? null,
      sqlStatementsFirstRequest: probe?.extensions?.sqlStatements ?? null,
      note: [op.form, cacheNote, op.note].filter(Boolean).join('; ') || null,
      ...(Object.keys(cacheStatuses).length ? { cacheStatuses } : {}),
    });
  }
  if (nginx) await nginx.stop();

  // The bytes of the first screen, as a browser with an empty cache fetches them from this
  // server (the portal it serves from web/dist).
  const firstScreenSkipped = chosen.length === operations.length ? chromiumMissing() : 'partial run (--only)';
  let firstScreen = null;
  if (!firstScreenSkipped) {
    log('first screens…');
    firstScreen = await measureFirstScreens(`http://127.0.0.1:${API_PORT}`, [
      { name: 'pupil sign-in', path: '/pupil-sign-in' },
      { name: 'pupil home', path: '/my', sessionToken: token(benchId('pupil1')) },
      { name: 'public exhibition', path: `/exhibition/${BENCH_SEASON}` },
    ]).catch((err) => {
      log(`first screens not measured: ${err.message}`);
      return { error: err.message.split('\n')[0] };
    });
  }

  async function startCache() {
    try {
      nginx = await startNginx({ listenPort: NGINX_PORT, upstreamPort: API_PORT, track: (child) => children.add(child) });
      onExit.add(() => rmSync(nginx.dir, { recursive: true, force: true }));
      return null;
    } catch (err) {
      return err.message.split('\n')[0];
    }
  }

  // The rush must leave exactly one attempt per pupil: no lost and no duplicated versions.
  const check = (
    await db.query(`SELECT count(*) FILTER (WHERE n = 1) AS one, count(*) FILTER (WHERE n > 1) AS dup, count(*) AS total FROM (SELECT w.id, count(v.id) AS n FROM work w LEFT JOIN work_version v ON v.work_id = w.id AND v.scope = 'PROJECT' WHERE w.id = ANY($1::uuid[]) GROUP BY w.id) x`, [rushTargets.map((d) => d.work_id)])
  ).rows[0];
  // Undo the rush so the next run starts from the same data.
  await db.query(`DELETE FROM work_version WHERE idempotency_key LIKE 'rush-%'`);
  await db.end();
  await stop(api);
  await stop(bare);

  const floor = results.find((r) => r.operation.startsWith('floor: this'))?.requestsPerSecond ?? 1;
  const bareFloor = results.find((r) => r.operation.startsWith('floor: bare'))?.requestsPerSecond ?? 1;

  // Where a target is missed, the report says where the time goes: the server is started again
  // with a CPU profiler and loaded with each missed operation (after the measurements, so the
  // profiler's cost is in none of the numbers above). The rush is not repeated: it was undone.
  const missed = missedTargets(results, Math.round((floor / bareFloor) * 100) / 100, floor);
  let whereTimeGoes = null;
  const profiled = chosen.filter((op) => !op.name.startsWith('deadline') && !op.port && missed.some((m) => m.operation === op.name));
  if (profiled.length > 0) {
    const profileDir = mkdtempSync(join(tmpdir(), 'lmr-bench-profile-'));
    const profiledApi = await startApi(true, profileDir);
    for (const op of profiled) {
      log(`profiling ${op.name}…`);
      await load(API_PORT, op.next, { fixed: op.fixed });
    }
    await stop(profiledApi);
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (file) whereTimeGoes = { operations: profiled.map((op) => op.name), ...summarizeProfile(join(profileDir, file)) };
    rmSync(profileDir, { recursive: true, force: true });
  }
  for (const r of results) if (!r.skipped) r.ratioToFloor = Math.round((r.requestsPerSecond / floor) * 100) / 100;
  const targets = targetReport(results, floor, missed);
  const report = {
    when: new Date().toISOString(),
    size: opts.size,
    seed,
    connections,
    durationSeconds: duration,
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    floorVsBareApollo: Math.round((floor / bareFloor) * 100) / 100,
    deadlineRush: { works: Number(check.total), exactlyOneVersion: Number(check.one), duplicated: Number(check.dup) },
    results,
    missedTargets: missed,
    calibration: { bareApollo: bareFloor, issueBareApollo: ISSUE_BARE_APOLLO, targets: calibration(results, bareFloor) },
    whereTimeGoes,
    targets,
    firstScreen: firstScreen ?? { skipped: firstScreenSkipped },
  };
  const ranRush = chosen.some((op) => op.name.startsWith('deadline'));
  const stamp = `${only ? 'partial-' : ''}${report.when.replace(/[:.]/g, '-')}`;
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const table = [
    '| operation | req/s | × floor | p50 ms | p95 ms | p99 ms | errors | SQL statements (first request) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) =>
      r.skipped
        ? `| ${r.operation} | skipped: ${r.skipped} | | | | | | |`
        : `| ${r.operation} | ${r.requestsPerSecond} | ${r.ratioToFloor} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.sqlStatements ?? '–'}${r.sqlStatementsFirstRequest != null && r.sqlStatementsFirstRequest !== r.sqlStatements ? ` (${r.sqlStatementsFirstRequest})` : ''} |`,
    ),
  ].join('\n');
  const notes = results.filter((r) => r.note);
  const notesMd = notes.length ? `\n${notes.map((r) => `- ${r.operation}: ${r.note}`).join('\n')}\n` : '';
  const targetsMd = targets.length
    ? `\n## Targets\n\n| operation | target | measured | |\n|---|---|---|---|\n${targets.map((t) => `| ${t.operation} | ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`).join('\n')}\n`
    : '';
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const firstScreenMd = firstScreen?.length
    ? `\n## What the first screen transfers\n\nDebian's chromium opens each page on this server with an empty cache (\`Accept-Encoding: br, gzip\`); the HTML, JavaScript and CSS it fetched until the network was quiet, in KB as sent (compressed where the server compressed them). Issue 17 asks for at most 170 KB of JavaScript on the pupil sign-in page and the pupil's home.\n\n| page | HTML KB | JS KB | CSS KB | total KB | files | content-encoding |\n|---|---:|---:|---:|---:|---:|---|\n${firstScreen.map((f) => `| ${f.page} (\`${f.url}\`) | ${kb(f.htmlBytes)} | ${kb(f.jsBytes)} | ${kb(f.cssBytes)} | ${kb(f.totalBytes)} | ${f.files} | ${f.encodings.join(', ')} |`).join('\n')}\n`
    : `\n## What the first screen transfers\n\nNot measured: ${firstScreen?.error ?? firstScreenSkipped}.\n`;
  let md = `# Benchmark ${report.when}\n\nSize **${opts.size}** (seed ${seed}), ${connections} connections, ${duration} s per operation after ${WARM_UP_SECONDS} s unrecorded, PostgreSQL on the same machine; ${report.machine}.\n\nThis server's \`{ __typename }\` floor is **${report.floorVsBareApollo}×** a bare Apollo Server 5 in the same run.\n\n${table}\n\n${ranRush ? `Deadline rush: ${report.deadlineRush.exactlyOneVersion} of ${report.deadlineRush.works} works have exactly one submitted version, ${report.deadlineRush.duplicated} duplicated.\n\n` : ''}${only ? `Partial run: only ${only.join(', ')} (and the floors).\n\n` : ''}"p95" is autocannon's p97.5 where p95 is not reported. The two floors are measured in ${FLOOR_ROUNDS} alternating turns each; their latencies are the middle turn's. "SQL statements" is the count most answers under load gave; in brackets, where it differs, the count of one request made alone before the warm-up, which also checked its session in PostgreSQL (a process reuses a session it checked within \`SESSION_CACHE_MS\`).\n`;
  const missedMd =
    missed.length === 0
      ? '\nEvery target of issues 9 and 17 is met in this run.\n'
      : `\n## Targets missed\n\n${missed.map((m) => `- ${m.operation}: ${m.why}`).join('\n')}\n`;
  const profileMd = whereTimeGoes
    ? `\n## Where the time goes\n\nA CPU profile of the server (started again with \`--cpu-prof\` after the measurements) while it served ${whereTimeGoes.operations.join(', ')} for ${duration} s each: ${whereTimeGoes.busySeconds} s of CPU, shared out by where it was spent (self time; idle left out).\n\n| where | share of CPU |\n|---|---:|\n${whereTimeGoes.groups.map((g) => `| ${g.name} | ${g.share} % |`).join('\n')}\n\nThe busiest functions:\n\n| function | share of CPU |\n|---|---:|\n${whereTimeGoes.functions.map((f) => `| ${f.name.replace(/\|/g, '\\|')} | ${f.share} % |`).join('\n')}\n`
    : '';
  const calibrationMd = report.calibration.targets.length
    ? `\n## This machine against the issue's\n\nThe bare Apollo Server answered **${bareFloor}** req/s in this run; issue 9 set its targets on a machine where it answered ${ISSUE_BARE_APOLLO}. The targets above are checked as absolute numbers. As a second reading, for comparing runs on days of different speed, each throughput as a share of this run's bare Apollo floor, beside the share its target is of ${ISSUE_BARE_APOLLO}:\n\n| operation | req/s | share of bare Apollo | target's share |\n|---|---:|---:|---:|\n${report.calibration.targets.map((c) => `| ${c.operation} | ${c.requestsPerSecond} | ${c.shareOfBare} | ${c.targetShareOfBare} |`).join('\n')}\n`
    : '';
  md += notesMd + targetsMd + missedMd + firstScreenMd + calibrationMd + profileMd;
  writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(dir, `${stamp}.md`), md);
  // A partial run (--only) is kept beside the others but never stands in for the whole benchmark.
  if (!only) writeFileSync(join(dir, 'latest.md'), md);
  process.stdout.write(`\n${md}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
