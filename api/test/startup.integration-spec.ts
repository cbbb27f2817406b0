import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freshDatabase, type TestDatabase } from './test-database';

/**
 * The built server (dist/main.js) started as an operator starts it. These tests need
 * `npm run build -w @lmr/api` first; turbo's test task depends on the build.
 */
const MAIN = join(process.cwd(), 'dist/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function start(env: Record<string, string>) {
  const began = Date.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - began })),
  );
  return { child, done, output: () => stdout };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(port: number, limitMs: number) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} not ready within ${limitMs} ms`);
}

function expectOneClearLine(run: Run, pattern: RegExp) {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('starting the server', () => {
  it.each([
    [{ PORT: 'eighty' }, /^Configuration error: PORT must be a whole number from 1 to 65535 \(got "eighty"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /^Configuration error: DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /^Configuration error: DATABASE_URL is not a valid URL/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV must be one of/],
  ])('refuses a bad setting %j with one line naming it', async (env, pattern) => {
    const run = await start(env as Record<string, string>).done;
    expectOneClearLine(run, pattern);
  });

  it('gives up on an unreachable database within a few seconds, with one line', async () => {
    const run = await start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', DB_CONNECT_TIMEOUT_MS: '2000' }).done;
    expectOneClearLine(run, /^Database error: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere: /);
    expect(run.ms).toBeLessThan(8000);
  });
});

describe('a running server', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.database.close();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-startup-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs one JSON line per GraphQL request without personal data, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = start({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_SEED: 'always',
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    });
    await waitForReady(port, 40000);

    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        operationName: 'StartupProbe',
        query: 'query StartupProbe($q: String) { collectionObjects(search: $q) { totalCount } }',
        variables: { q: 'SECRET-MARKER-仕女' },
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.collectionObjects.totalCount).toBe(0);
    const health = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(health.status).toBe(200);

    // GraphQL over WebSocket (graphql-ws) is served on the same port by the Fastify adapter.
    const ack = await new Promise<string>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        resolve(JSON.parse(String(data)).type);
        socket.close();
      });
      socket.on('error', reject);
    });
    expect(ack).toBe('connection_ack');

    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    const run = await server.done;
    expect(run.code).toBe(0);

    const lines = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = lines.find((l) => l.msg === 'graphql');
    expect(entry).toMatchObject({ operation: 'StartupProbe', operationType: 'query', outcome: 'ok' });
    expect(typeof entry!.durationMs).toBe('number');
    expect(run.stdout).toContain('is running at http://localhost:');
    // Variables can hold pupils' work and names: never logged. Nor are seeded pupils' names.
    expect(run.stdout + run.stderr).not.toContain('SECRET-MARKER');
    expect(lines.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
