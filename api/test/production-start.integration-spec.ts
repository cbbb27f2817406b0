import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codesOf, freePort, isOk, post, startServer, waitForReady, type Spawned } from './spawned-server';
import { adminQuery, serverUrl, withDatabase } from './test-database';

/**
 * `NODE_ENV=production npm start` on a fresh install, and the demo where someone asked for it,
 * as an operator meets them: the built server and the built commands (create-admin, seed) run
 * as processes on an empty embedded data folder, and on an empty PostgreSQL database when
 * DATABASE_URL is set. Needs `npm run build -w @lmr/api` first.
 */
const CREATE_ADMIN = join(process.cwd(), 'dist/identity/create-admin.cli.js');
const SEED = join(process.cwd(), 'dist/database/seed/seed.cli.js');
const itWithPostgres = serverUrl() ? it : it.skip;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token me { role email } } }`;
const SIGN_IN_PUPIL = `mutation($input: PupilSignInInput!) { signInPupil(input: $input) { token me { role displayName } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token me { role email displayName } } }`;

/** Every server a test started, so that one that failed or timed out is stopped all the same. */
const running = new Set<Spawned>();
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  await Promise.all([...running].map((s) => s.done));
});

async function started(env: Record<string, string>): Promise<{ server: Spawned; port: number }> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const server = startServer({ LOG_LEVEL: 'warn', ...env, PORT: String(port) });
  running.add(server);
  void server.done.then(() => running.delete(server));
  await waitForReady(port, 180000, server);
  // The start lines follow the listen by a moment.
  for (let i = 0; i < 50 && !server.output().includes('is running at'); i++) await new Promise((r) => setTimeout(r, 20));
  return { server, port };
}

async function stopped(server: Spawned) {
  server.child.kill('SIGTERM');
  const exit = await server.done;
  expect([exit.code, exit.stderr]).toEqual([0, '']);
}

/** The token in the link create-admin printed. */
function invitationToken(run: CliRun): string {
  const match = /\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(run.stdout);
  expect(match).not.toBeNull();
  return match![1]!;
}

/**
 * A fresh production install: no demo, one line on how to make the first admin, the command
 * prints an invitation, and the invited person becomes an admin through the portal's mutation.
 */
async function freshProductionInstall(env: Record<string, string>, embedded: boolean) {
  let { server, port } = await started({ ...env, DEMO_SEED: '' });
  try {
    const out = server.output();
    expect(out).not.toContain('Demo sign-in');
    expect(out).not.toContain('staff password');
    expect(out).toContain('No admin account yet: create the first with  npm run create-admin -- --email');
    expect(existsSync(join(env.DATA_DIR!, 'demo-sign-in.json'))).toBe(false);
    // No demo accounts, no museum, nothing public.
    const demoAdmin = await post(port, SIGN_IN, { input: { email: 'admin@museum.example', password: 'museum-demo-2026' } });
    expect(codesOf(demoAdmin)).toEqual(['UNAUTHENTICATED']);
    const objects = await post(port, `{ collectionObjects { totalCount } exhibitionSeasons { key } }`);
    expect(objects.body.data).toEqual({ collectionObjects: { totalCount: 0 }, exhibitionSeasons: [] });

    if (embedded) {
      // The server holds the embedded database: the command refuses rather than open it too.
      const refused = await runCli(CREATE_ADMIN, ['--email', 'director@museum.test', '--museum', '辽宁省博物馆'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${server.child.pid}`);
      await stopped(server);
    }

    const created = await runCli(
      CREATE_ADMIN,
      ['--email', 'Director@Museum.test', '--museum', '辽宁省博物馆', '--museum-en', 'Liaoning Provincial Museum', '--url', `http://127.0.0.1:${port}/`],
      env,
    );
    expect([created.code, created.stderr]).toEqual([0, '']);
    expect(created.stdout).toContain('Museum created: 辽宁省博物馆 (Liaoning Provincial Museum).');
    expect(created.stdout).toContain(`http://127.0.0.1:${port}/accept-invitation?token=`);
    const token = invitationToken(created);

    if (embedded) ({ server, port } = await started({ ...env, PORT: String(port), DEMO_SEED: '' }));
    expect(server.output()).toContain(embedded ? 'No admin account yet: the invitation for director@museum.test is waiting until' : 'No admin account yet: create');

    const accepted = await post(port, ACCEPT, { input: { token, displayName: '馆长', password: 'a long first password' } });
    expect(isOk(accepted)).toBe(true);
    expect(accepted.body.data.acceptInvitation.me).toEqual({ role: 'ADMIN', email: 'director@museum.test', displayName: '馆长' });
    // The link works once.
    const again = await post(port, ACCEPT, { input: { token, displayName: '别人', password: 'another long password' } });
    expect(codesOf(again)).toEqual(['NOT_FOUND']);

    const signedIn = await post(port, SIGN_IN, { input: { email: 'director@museum.test', password: 'a long first password' } });
    expect(isOk(signedIn)).toBe(true);
    const staff = await post(port, `{ staffMembers { email role } }`, {}, signedIn.body.data.signIn.token);
    expect(staff.body.data.staffMembers).toEqual([{ email: 'director@museum.test', role: 'ADMIN' }]);
    if (embedded) {
      // With an admin, the start says nothing more about creating one.
      await stopped(server);
      ({ server, port } = await started({ ...env, PORT: String(port), DEMO_SEED: '' }));
      expect(server.output()).toContain('is running at');
      expect(server.output()).not.toContain('No admin account yet');
    }
    return { server, port };
  } catch (err) {
    server.child.kill('SIGTERM');
    await server.done;
    throw err;
  }
}

describe('a fresh production install', () => {
  const dirs: string[] = [];
  const databases: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'lmr-prod-'));
    dirs.push(d);
    return d;
  };
  const emptyDatabase = async () => {
    const name = `lmr_test_prod_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl()!, `CREATE DATABASE "${name}"`);
    databases.push(name);
    return withDatabase(serverUrl()!, name);
  };
  afterAll(async () => {
    for (const name of databases) await adminQuery(serverUrl()!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('on the embedded database: no demo, and create-admin (with the server stopped) invites the first admin', async () => {
    const env = { DATA_DIR: dir(), DATABASE_URL: '' };
    const { server } = await freshProductionInstall(env, true);
    await stopped(server);
    // The server let go of the folder when it stopped.
    expect(existsSync(join(env.DATA_DIR, 'embedded-database.lock'))).toBe(false);
  }, 420000);

  itWithPostgres('on an empty PostgreSQL database: the same, with create-admin run beside the running server', async () => {
    const env = { DATA_DIR: dir(), DATABASE_URL: await emptyDatabase() };
    const { server } = await freshProductionInstall(env, false);
    try {
      // An address that has an account is refused; a name that is no museum here is refused.
      const taken = await runCli(CREATE_ADMIN, ['--email', 'director@museum.test'], env);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('there is already an account with director@museum.test');
      const typo = await runCli(CREATE_ADMIN, ['--email', 'deputy@museum.test', '--museum', '辽宁博物馆'], env);
      expect(typo.code).toBe(1);
      expect(typo.stderr).toContain('no museum here is called "辽宁博物馆"; there is "辽宁省博物馆" (Liaoning Provincial Museum)');
      // With one museum, --museum may be left out; a newer link replaces an unused older one.
      const first = invitationToken(await runCli(CREATE_ADMIN, ['--email', 'deputy@museum.test'], env));
      const second = await runCli(CREATE_ADMIN, ['--email', 'deputy@museum.test'], env);
      expect(second.stdout).toContain('Museum: 辽宁省博物馆 (Liaoning Provincial Museum).');
      const port = Number(/running at http:\/\/localhost:(\d+)/.exec(server.output())![1]);
      expect(codesOf(await post(port, ACCEPT, { input: { token: first, displayName: '副馆长', password: 'a long first password' } }))).toEqual(['NOT_FOUND']);
      expect(isOk(await post(port, ACCEPT, { input: { token: invitationToken(second), displayName: '副馆长', password: 'a long first password' } }))).toBe(true);
      const usage = await runCli(CREATE_ADMIN, ['--museum', 'x'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('--email is required');
    } finally {
      await stopped(server);
    }
  }, 420000);
});

interface KeptSignIn {
  staffPassword: string;
  staff: { role: string; email: string }[];
  classes: { name: string; classCode: string; pupils: { name: string; code: string }[] }[];
}

const kept = (dataDir: string): KeptSignIn => JSON.parse(readFileSync(join(dataDir, 'demo-sign-in.json'), 'utf8')) as KeptSignIn;
const codesIn = (k: KeptSignIn) => k.classes.flatMap((c) => [c.classCode, ...c.pupils.map((p) => p.code)]);

describe('the demo, where someone asked for it', () => {
  const dirs: string[] = [];
  const databases: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'lmr-demo-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const name of databases) await adminQuery(serverUrl()!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('an empty embedded database outside production gets a demo with its own password and codes, printed again at every start', async () => {
    const a = dir();
    let { server, port } = await started({ NODE_ENV: 'development', DATA_DIR: a, DATABASE_URL: '', DEMO_SEED: '' });
    let details: KeptSignIn;
    try {
      details = kept(a);
      expect(statSync(join(a, 'demo-sign-in.json')).mode & 0o777).toBe(0o600);
      expect(details.staffPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(details.classes.map((c) => c.pupils.length)).toEqual([28, 26, 30]);
      expect(server.output()).toContain(`staff password   ${details.staffPassword}`);
      expect(server.output()).toContain(`class codes ${details.classes[0]!.classCode} (四年级二班)`);
      expect(server.output()).not.toContain('No admin account yet');

      // The kept details are the ones that work.
      const admin = await post(port, SIGN_IN, { input: { email: 'admin@museum.example', password: details.staffPassword } });
      expect(admin.body.data?.signIn.me).toEqual({ role: 'ADMIN', email: 'admin@museum.example' });
      const klass = details.classes[2]!;
      const pupil = await post(port, SIGN_IN_PUPIL, { input: { classCode: klass.classCode, pupilCode: klass.pupils[4]!.code } });
      expect(pupil.body.data?.signInPupil.me).toEqual({ role: 'PUPIL', displayName: klass.pupils[4]!.name });
      expect(codesOf(await post(port, SIGN_IN, { input: { email: 'admin@museum.example', password: 'museum-demo-2026' } }))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await stopped(server);
    }

    // A later start prints the same details again and changes nothing.
    ({ server, port } = await started({ NODE_ENV: 'development', DATA_DIR: a, DATABASE_URL: '', DEMO_SEED: '', PORT: String(port) }));
    await stopped(server);
    expect(kept(a)).toEqual(details);
    expect(server.output()).toContain(`staff password   ${details.staffPassword}`);

    // Another install, written by npm run seed on the embedded database.
    const b = dir();
    const seeded = await runCli(SEED, [], { DATA_DIR: b, DATABASE_URL: '' });
    expect([seeded.code, seeded.stderr]).toEqual([0, '']);
    const other = kept(b);
    expect(seeded.stdout).toContain(`staff password   ${other.staffPassword}`);
    // Another password, other codes, the same names.
    expect(other.staffPassword).not.toBe(details.staffPassword);
    expect(codesIn(other).filter((code) => codesIn(details).includes(code))).toEqual([]);
    expect(other.classes.map((c) => c.pupils.map((p) => p.name))).toEqual(details.classes.map((c) => c.pupils.map((p) => p.name)));

    // A second seed keeps the first one's password and codes.
    const again = await runCli(SEED, [], { DATA_DIR: b, DATABASE_URL: '' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already there; nothing duplicated, the first run's password and codes kept");
    expect(again.stdout).toContain(`staff password   ${other.staffPassword}`);
    expect(kept(b)).toEqual(other);
  }, 600000);

  it('in production, DEMO_SEED=always writes the demo into an empty embedded database', async () => {
    const a = dir();
    const { server, port } = await started({ NODE_ENV: 'production', DATA_DIR: a, DATABASE_URL: '', DEMO_SEED: 'always' });
    try {
      const details = kept(a);
      expect(server.output()).toContain(`staff password   ${details.staffPassword}`);
      expect(isOk(await post(port, SIGN_IN, { input: { email: 'admin@museum.example', password: details.staffPassword } }))).toBe(true);
    } finally {
      await stopped(server);
    }
  }, 420000);

  itWithPostgres('npm run seed on PostgreSQL prints the details it made; two databases differ; a second run keeps the first', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const name = `lmr_test_demo_${randomBytes(6).toString('hex')}`;
      await adminQuery(serverUrl()!, `CREATE DATABASE "${name}"`);
      databases.push(name);
      urls.push(withDatabase(serverUrl()!, name));
    }
    const [x, y] = [dir(), dir()];
    const first = await runCli(SEED, [], { DATABASE_URL: urls[0]!, DATA_DIR: x });
    const second = await runCli(SEED, [], { DATABASE_URL: urls[1]!, DATA_DIR: y });
    expect([first.code, second.code]).toEqual([0, 0]);
    const [dx, dy] = [kept(x), kept(y)];
    expect(first.stdout).toContain(`staff password   ${dx.staffPassword}`);
    expect(dx.staffPassword).not.toBe(dy.staffPassword);
    expect(codesIn(dx).filter((code) => codesIn(dy).includes(code))).toEqual([]);

    // Run again from a folder that never kept them: the codes are the database's, the password is not printed again.
    const z = dir();
    const rerun = await runCli(SEED, [], { DATABASE_URL: urls[0]!, DATA_DIR: z });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('staff password   printed when the demo was written');
    expect(rerun.stdout).toContain(`class codes ${dx.classes.map((c) => `${c.classCode} (${c.name})`).join(', ')}`);
    expect(existsSync(join(z, 'demo-sign-in.json'))).toBe(false);

    // The server on that database prints the kept password and still signs the demo admin in with it.
    const { server, port } = await started({ DATABASE_URL: urls[0]!, DATA_DIR: x, DEMO_SEED: 'always' });
    try {
      expect(server.output()).toContain(`staff password   ${dx.staffPassword}`);
      expect(isOk(await post(port, SIGN_IN, { input: { email: 'admin@museum.example', password: dx.staffPassword } }))).toBe(true);
      expect(kept(x)).toEqual(dx);
    } finally {
      await stopped(server);
    }
  }, 420000);
});
