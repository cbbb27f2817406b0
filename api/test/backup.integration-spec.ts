import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ENDPOINT_FILE, writeEndpoint } from '../src/backup/data-folder';
import { LOCK_FILE } from '../src/database/data-dir-lock';
import { openDatabase } from '../src/database/database';
import { newPupil, newSession, newWorld } from './factories';
import { newAssignment, newBrief, newWork } from './project-factories';
import { codesOf, freePort, isOk, post, startServer, waitForReady, type Spawned } from './spawned-server';
import type { TestApp } from './test-app';
import { adminQuery, DUMP_ENV, freshDatabase, serverUrl, TEST_DB_SETTINGS, withDatabase, type TestDatabase } from './test-database';

/**
 * Backups taken while pupils write, restored into a fresh place where the product runs again.
 * Real processes throughout: the built server (dist/main.js) and the backup and restore CLIs as
 * an operator runs them. On PostgreSQL with DATABASE_URL, on the embedded database without.
 * Needs `npm run build -w @lmr/api` first.
 */
const KIND: 'postgres' | 'pglite' = serverUrl() ? 'postgres' : 'pglite';
const PUPILS = 5;
const SAVE = `mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`;
const SUBMIT = `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawSubmission(input: { versionId: $id }) { version { id status } } }`;
const REQUEST_UPLOAD = `mutation { requestUpload(input: { purpose: WORK_ATTACHMENT }) { ticket } }`;
const MY_WORK = `query ($id: ID!) { myWork(assignmentId: $id) { id parts { partKey revision body attachmentIds } versions { id attempt parts { partKey revision body attachmentIds } } } }`;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label} ${randomBytes(16).toString('hex')}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'latin1');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), `dist/backup/${script}.cli.js`), ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One place the product keeps its data: a data folder, and on PostgreSQL a database. */
interface Place {
  dataDir: string;
  url: string | null;
  env: Record<string, string>;
}

async function emptyPlace(): Promise<Place & { drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lmr-restore-'));
  if (KIND === 'pglite') return { dataDir, url: null, env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `lmr_restore_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl()!, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl()!, name);
  return {
    dataDir,
    url,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(serverUrl()!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Runs SQL against a place's database while no server has it open. */
async function querySql<T>(place: Place, sql: string): Promise<T[]> {
  if (place.url) {
    const client = new pg.Client({ connectionString: place.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create({ dataDir: join(place.dataDir, 'pglite') });
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}

async function stop(server: Spawned): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  const exit = await server.done;
  expect([exit.code, exit.stderr]).toEqual([0, '']);
}

interface Pupil {
  index: number;
  token: string;
  workId: string;
}

/** Everything the pupils sent, and when the server acknowledged it. */
interface Journal {
  /** Per pupil: the body and attachments sent for each revision. */
  sent: Map<number, Map<number, { text: string; attachmentIds: string[] }>>;
  /** Acknowledged saves: pupil, revision, when. */
  saves: { pupil: number; revision: number; at: number }[];
  submits: { pupil: number; versionId: string; at: number }[];
  uploads: { pupil: number; fileId: string; bytes: Buffer; at: number }[];
  failures: string[];
}

/**
 * One pupil writing as a pupil does, until told to stop: upload a file, save with it attached,
 * save again, submit, take the submission back (so the work is editable again), and over.
 */
async function write(port: number, p: Pupil, journal: Journal, stopped: () => boolean): Promise<void> {
  let revision = 1;
  let attachment: string[] = [];
  const sent = new Map<number, { text: string; attachmentIds: string[] }>();
  journal.sent.set(p.index, sent);
  for (let step = 0; !stopped(); step++) {
    const phase = step % 5;
    if (phase === 0) {
      const ticket = await post(port, REQUEST_UPLOAD, {}, p.token);
      if (!isOk(ticket)) {
        journal.failures.push(`ticket ${ticket.status} ${codesOf(ticket)}`);
        continue;
      }
      const bytes = pdf(`pupil ${p.index} step ${step}`);
      const res = await fetch(`http://127.0.0.1:${port}/files/upload`, {
        method: 'POST',
        headers: { 'x-upload-ticket': ticket.body.data.requestUpload.ticket, 'content-type': 'application/pdf' },
        body: bytes,
      });
      const body = (await res.json()) as { fileId?: string };
      if (res.status !== 201 || !body.fileId) {
        journal.failures.push(`upload ${res.status}`);
        continue;
      }
      journal.uploads.push({ pupil: p.index, fileId: body.fileId, bytes, at: Date.now() });
      attachment = [body.fileId];
    } else if (phase === 1 || phase === 2) {
      const text = `pupil ${p.index} revision ${revision + 1}`;
      const attachmentIds = phase === 1 ? attachment : [];
      sent.set(revision + 1, { text, attachmentIds });
      const res = await post(port, SAVE, { input: { workId: p.workId, partKey: 'REFLECTION', baseRevision: revision, body: doc(text), attachmentIds } }, p.token);
      if (!isOk(res)) {
        journal.failures.push(`save ${res.status} ${codesOf(res)}`);
        continue;
      }
      revision = res.body.data.saveWorkPart.part.revision;
      journal.saves.push({ pupil: p.index, revision, at: Date.now() });
    } else if (phase === 3) {
      const res = await post(port, SUBMIT, { input: { workId: p.workId, scope: 'PROJECT', idempotencyKey: `backup-${p.index}-${step}` } }, p.token);
      if (!isOk(res)) {
        journal.failures.push(`submit ${res.status} ${codesOf(res)}`);
        continue;
      }
      journal.submits.push({ pupil: p.index, versionId: res.body.data.submitWork.version.id, at: Date.now() });
    } else {
      const last = journal.submits.filter((s) => s.pupil === p.index).at(-1);
      const res = await post(port, WITHDRAW, { id: last!.versionId }, p.token);
      if (!isOk(res)) journal.failures.push(`withdraw ${res.status} ${codesOf(res)}`);
    }
  }
}

describe(`backup and restore (${KIND})`, () => {
  let source: Place;
  let sourceDb: TestDatabase | null = null;
  let pupils: Pupil[];
  let assignmentId: string;
  const cleanups: (() => Promise<void>)[] = [];
  const backups = mkdtempSync(join(tmpdir(), 'lmr-backups-'));

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lmr-backup-source-'));
    let t: TestApp;
    let close: () => Promise<void>;
    if (KIND === 'postgres') {
      sourceDb = await freshDatabase();
      t = { dataSource: sourceDb.database.dataSource } as TestApp;
      source = { dataDir, url: sourceDb.url, env: { DATA_DIR: dataDir, DATABASE_URL: sourceDb.url! } };
      close = async () => undefined;
    } else {
      // The migrated database the test run starts from, written into this data folder.
      const pglite = await PGlite.create({ dataDir: join(dataDir, 'pglite'), loadDataDir: new Blob([readFileSync(process.env[DUMP_ENV]!)]) });
      const database = await openDatabase({ ...TEST_DB_SETTINGS, dataDir, databaseUrl: null }, { pglite });
      t = { dataSource: database.dataSource } as TestApp;
      source = { dataDir, url: null, env: { DATA_DIR: dataDir } };
      close = async () => {
        await database.close();
        await pglite.close();
      };
    }
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    assignmentId = (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
    pupils = [];
    for (let index = 0; index < PUPILS; index++) {
      const pupil = await newPupil(t, w.cls);
      const work = await newWork(t, { assignmentId, pupilId: pupil.id });
      pupils.push({ index, token: await newSession(t, pupil.id), workId: work.id });
    }
    await close();
  }, 120000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await sourceDb?.dispose();
    rmSync(source.dataDir, { recursive: true, force: true });
    rmSync(backups, { recursive: true, force: true });
  });

  let snapshot: string;
  let journal: Journal;
  let backupStartedAt: number;

  it('takes a snapshot while pupils save, upload and submit, without stopping them', async () => {
    const port = await freePort();
    const server = startServer({ ...source.env, PORT: String(port) });
    cleanups.push(async () => void server.child.kill('SIGKILL'));
    await waitForReady(port, 90000, server);
    if (KIND === 'pglite') {
      // The server tells the CLI where to ask, in a file only its owner can read.
      expect(statSync(join(source.dataDir, ENDPOINT_FILE)).mode & 0o777).toBe(0o600);
      const route = `http://127.0.0.1:${port}/internal/backup`;
      expect((await fetch(route, { method: 'POST', headers: { 'x-backup-secret': 'guess' } })).status).toBe(403);
      const secret = JSON.parse(readFileSync(join(source.dataDir, ENDPOINT_FILE), 'utf8')).secret as string;
      expect((await fetch(route, { method: 'POST', headers: { 'x-backup-secret': secret, 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
    }

    journal = { sent: new Map(), saves: [], submits: [], uploads: [], failures: [] };
    let stopped = false;
    const writers = pupils.map((p) => write(port, p, journal, () => stopped));
    // Every pupil has done some of everything before the backup starts.
    const until = Date.now() + 60000;
    while (new Set(journal.submits.map((s) => s.pupil)).size < PUPILS && Date.now() < until) await new Promise((r) => setTimeout(r, 50));

    backupStartedAt = Date.now();
    const backup = await runCli('backup', ['--out', backups], source.env);
    const backupEndedAt = Date.now();
    // Writing goes on after the snapshot too: those writes may or may not be in it, but never by halves.
    const savesDuring = journal.saves.filter((s) => s.at > backupStartedAt && s.at < backupEndedAt).length;
    await new Promise((r) => setTimeout(r, 500));
    stopped = true;
    await Promise.all(writers);
    await stop(server);

    expect([backup.code, backup.stderr]).toEqual([0, '']);
    expect(journal.failures).toEqual([]);
    // The product kept answering while the snapshot was taken.
    expect(savesDuring).toBeGreaterThan(0);
    const made = readdirSync(backups).filter((n) => n.startsWith('lmr-backup-'));
    expect(made).toHaveLength(1);
    snapshot = join(backups, made[0]!);
    expect(backup.stdout).toContain(`Snapshot written to ${snapshot}`);
    const manifest = JSON.parse(readFileSync(join(snapshot, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'little-museum-researcher-backup', formatVersion: 1, database: { kind: KIND }, files: { included: true, missing: [] } });
    expect(manifest.database.lastMigration).toMatch(/^[A-Za-z]+\d+$/);
    expect(manifest.files.count).toBeGreaterThanOrEqual(PUPILS);
    expect(manifest.counts.stored_file).toBe(manifest.files.count);
    // The server's staging folders are gone.
    expect(readdirSync(join(source.dataDir, 'tmp')).filter((n) => n.startsWith('backup-'))).toEqual([]);

    const verify = await runCli('backup', ['--verify', snapshot], {});
    expect([verify.code, verify.stdout]).toEqual([0, expect.stringContaining('every checksum matches')]);
  }, 240000);

  it('restores into a fresh place where the product finds every write acknowledged before the snapshot, and none by halves', async () => {
    const place = await emptyPlace();
    cleanups.push(place.drop);
    const restore = await runCli('restore', [snapshot], place.env);
    expect([restore.code, restore.stderr]).toEqual([0, '']);

    const port = await freePort();
    const server = startServer({ ...place.env, PORT: String(port) });
    cleanups.push(async () => void server.child.kill('SIGKILL'));
    await waitForReady(port, 90000, server);
    const before = <T extends { at: number }>(list: T[]) => list.filter((x) => x.at < backupStartedAt);
    try {
      for (const p of pupils) {
        const res = await post(port, MY_WORK, { id: assignmentId }, p.token);
        expect(codesOf(res)).toEqual([]);
        const work = res.body.data.myWork;
        const sent = journal.sent.get(p.index)!;
        const part = work.parts.find((x: { partKey: string }) => x.partKey === 'REFLECTION');
        // Every save acknowledged before the snapshot is there (or a later one is)...
        const acked = Math.max(1, ...before(journal.saves.filter((s) => s.pupil === p.index)).map((s) => s.revision));
        expect(part.revision).toBeGreaterThanOrEqual(acked);
        // ...and what is there is exactly what was sent for that revision.
        if (part.revision > 1) expect({ body: part.body, attachmentIds: part.attachmentIds }).toEqual({ body: doc(sent.get(part.revision)!.text), attachmentIds: sent.get(part.revision)!.attachmentIds });
        // Every submission acknowledged before the snapshot is there, each whole.
        const ids = work.versions.map((v: { id: string }) => v.id);
        for (const s of before(journal.submits.filter((x) => x.pupil === p.index))) expect(ids).toContain(s.versionId);
        for (const version of work.versions) {
          expect(version.parts).toHaveLength(1);
          const vp = version.parts[0];
          expect({ body: vp.body, attachmentIds: vp.attachmentIds }).toEqual(vp.revision === 1 ? { body: vp.body, attachmentIds: [] } : { body: doc(sent.get(vp.revision)!.text), attachmentIds: sent.get(vp.revision)!.attachmentIds });
        }
      }
      // Every file uploaded before the snapshot reads back byte for byte; a later one either does or is not there at all.
      for (const upload of journal.uploads) {
        const owner = pupils[upload.pupil]!;
        const res = await fetch(`http://127.0.0.1:${port}/files/${upload.fileId}`, { headers: { authorization: `Bearer ${owner.token}` } });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (upload.at < backupStartedAt) expect([upload.fileId, res.status, bytes.equals(upload.bytes)]).toEqual([upload.fileId, 200, true]);
        else expect([200, 404]).toContain(res.status);
        if (res.status === 200) expect(bytes.equals(upload.bytes)).toBe(true);
      }
    } finally {
      await stop(server);
    }

    // Underneath: every stored file row has its bytes, and every attachment named by a draft or a submission has its row.
    const rows = await querySql<{ storage_key: string }>(place, `SELECT storage_key FROM stored_file`);
    expect(rows.length).toBeGreaterThanOrEqual(before(journal.uploads).length);
    expect(rows.filter((r) => !existsSync(join(place.dataDir, 'files', ...r.storage_key.split('/'))))).toEqual([]);
    const dangling = await querySql<{ id: string }>(
      place,
      `SELECT a.id FROM (
         SELECT unnest(attachment_ids)::text AS id FROM work_part
         UNION SELECT jsonb_array_elements_text(p -> 'attachmentIds') FROM work_version, jsonb_array_elements(parts) p) a
        WHERE NOT EXISTS (SELECT 1 FROM stored_file f WHERE f.id::text = a.id)`,
    );
    expect(dangling).toEqual([]);
  }, 240000);

  it('refuses to restore over a place that holds data, and leaves it as it was', async () => {
    const before = await querySql<{ n: number }>(source, `SELECT count(*)::int AS n FROM work_part`);
    const res = await runCli('restore', [snapshot], source.env);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(
      KIND === 'pglite' ? /^Restore refused \[TARGET_NOT_EMPTY\]: .*pglite already holds a database/ : /^Restore refused \[TARGET_NOT_EMPTY\]: the database named by DATABASE_URL already holds \d+ tables/,
    );
    expect(await querySql<{ n: number }>(source, `SELECT count(*)::int AS n FROM work_part`)).toEqual(before);

    // Stored files alone are data too.
    const place = await emptyPlace();
    cleanups.push(place.drop);
    mkdirSync(join(place.dataDir, 'files', 'originals'), { recursive: true });
    writeFileSync(join(place.dataDir, 'files', 'originals', 'left-behind'), 'bytes');
    const files = await runCli('restore', [snapshot], place.env);
    expect([files.code, files.stderr]).toEqual([3, expect.stringMatching(/^Restore refused \[TARGET_NOT_EMPTY\]: .*files already holds files/)]);
    expect(existsSync(join(place.dataDir, 'pglite'))).toBe(false);
    if (place.url) expect(await querySql(place, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  }, 120000);

  it('refuses a damaged snapshot by its checksum, before writing anything', async () => {
    const damaged = join(backups, 'damaged');
    cpSync(snapshot, damaged, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(damaged, 'manifest.json'), 'utf8'));
    const dump = join(damaged, manifest.database.dump);
    const bytes = readFileSync(dump);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(dump, bytes);

    const verify = await runCli('backup', ['--verify', damaged], {});
    expect(verify.code).toBe(4);
    expect(verify.stderr).toMatch(/^Backup refused \[CHECKSUM_MISMATCH\]: database\//);

    const place = await emptyPlace();
    cleanups.push(place.drop);
    const restore = await runCli('restore', [damaged], place.env);
    expect(restore.code).toBe(4);
    expect(restore.stderr).toMatch(/^Restore refused \[CHECKSUM_MISMATCH\]/);
    expect(existsSync(join(place.dataDir, 'pglite'))).toBe(false);
    expect(existsSync(join(place.dataDir, 'files'))).toBe(false);
    if (place.url) expect(await querySql(place, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);

    // A stored file that no longer matches is refused just the same.
    const other = join(backups, 'damaged-file');
    cpSync(snapshot, other, { recursive: true });
    const key = Object.keys(manifest.checksums).find((k) => k.startsWith('files/'))!;
    writeFileSync(join(other, ...key.split('/')), 'not the bytes that were stored');
    const again = await runCli('backup', ['--verify', other], {});
    expect([again.code, again.stderr]).toEqual([4, expect.stringContaining(`[CHECKSUM_MISMATCH]: ${key}`)]);
  }, 120000);

  const itEmbedded = KIND === 'pglite' ? it : it.skip;

  itEmbedded('reads the embedded folder itself when no server runs, and refuses when one holds it without answering', async () => {
    // A server that crashed left its endpoint file behind: its process is gone, so the folder is free.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('exit', r));
    writeEndpoint(source.dataDir, { pid: gone.pid!, host: '127.0.0.1', port: await freePort(), secret: 'stale' });
    const out = mkdtempSync(join(tmpdir(), 'lmr-backups-offline-'));
    cleanups.push(async () => rmSync(out, { recursive: true, force: true }));
    const offline = await runCli('backup', ['--out', out], source.env);
    expect([offline.code, offline.stderr]).toEqual([0, '']);
    const taken = JSON.parse(readFileSync(join(out, readdirSync(out)[0]!, 'manifest.json'), 'utf8'));
    const [{ n }] = await querySql<{ n: number }>(source, `SELECT count(*)::int AS n FROM work_version`);
    expect(taken.counts.work_version).toBe(n);
    expect(existsSync(join(source.dataDir, ENDPOINT_FILE))).toBe(false);

    // A live process that does not answer on the port it announced: never read the folder beside it.
    writeEndpoint(source.dataDir, { pid: process.pid, host: '127.0.0.1', port: await freePort(), secret: 'x' });
    try {
      const refused = await runCli('backup', ['--out', out], source.env);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/^Backup refused \[UNSAFE\]: the server \(process \d+\) has the embedded database open but does not answer/);
      expect(readdirSync(out)).toHaveLength(1);
    } finally {
      rmSync(join(source.dataDir, ENDPOINT_FILE), { force: true });
    }

    // While a backup or restore has the folder (its lock names a live process), the server does not open it.
    writeFileSync(join(source.dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), what: 'a backup' }));
    try {
      const server = startServer({ ...source.env, PORT: String(await freePort()) });
      const exit = await server.done;
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      rmSync(join(source.dataDir, LOCK_FILE), { force: true });
    }
  }, 120000);
});
