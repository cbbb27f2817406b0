import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

/**
 * The built server (dist/main.js) started as an operator starts it, and what the fault tests
 * around it need: free ports, readiness, GraphQL over plain fetch, and a TCP proxy in front of
 * PostgreSQL that can be cut and restored. These tests need `npm run build -w @lmr/api` first.
 */
export const MAIN = join(process.cwd(), 'dist/main.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** When the process exited (Date.now()). */
  at: number;
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<Exit>;
  output(): string;
}

export function startServer(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_SEED: 'never', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, at: Date.now() })));
  return { child, done, output: () => stdout + stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForReady(port: number, limitMs: number, server?: Spawned): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (server && server.child.exitCode !== null) throw new Error(`server on ${port} exited with ${server.child.exitCode}:\n${server.output().slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(3000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} not ready within ${limitMs} ms${server ? `:\n${server.output().slice(-2000)}` : ''}`);
}

export interface Answer {
  /** 0 when no HTTP answer came (connection refused or reset, or the client's own timeout). */
  status: number;
  body: any;
  ms: number;
  failure?: string;
  startedAt: number;
}

/** One GraphQL request over a fresh fetch; never throws. */
export async function post(port: number, query: string, variables: Record<string, unknown> = {}, token?: string, timeoutMs = 30000): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text
    }
    return { status: res.status, body, ms: Date.now() - startedAt, startedAt };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { status: 0, body: null, ms: Date.now() - startedAt, failure: cause?.code ?? (err as Error).name ?? String(err), startedAt };
  }
}

export const codesOf = (a: Answer): string[] => (Array.isArray(a.body?.errors) ? a.body.errors.map((e: any) => e?.extensions?.code) : []);
export const isOk = (a: Answer): boolean => a.status === 200 && !a.body?.errors;

/**
 * A TCP proxy in front of PostgreSQL. `cut('reset')` is a database restart as the API sees
 * it: every connection is closed and new ones are refused at once. `cut('blackhole')` is a
 * database that stopped answering: connections stay open but nothing passes either way.
 */
export class DatabaseProxy {
  private server: Server;
  private mode: 'open' | 'reset' | 'blackhole' = 'open';
  private pairs = new Set<{ client: Socket; upstream: Socket | null }>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  private accept(client: Socket) {
    client.on('error', () => undefined);
    if (this.mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const pair = { client, upstream: null as Socket | null };
    this.pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === 'blackhole') return;
    const upstream = createConnection(this.target);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** How many client connections are open now. */
  get connections(): number {
    return this.pairs.size;
  }

  cut(mode: 'reset' | 'blackhole') {
    this.mode = mode;
    for (const pair of this.pairs) {
      if (mode === 'reset') {
        pair.upstream?.destroy();
        pair.client.resetAndDestroy();
      } else {
        // Nothing passes any more; the sockets stay open, as with a host that vanished.
        pair.client.unpipe();
        pair.upstream?.unpipe();
        pair.client.pause();
        pair.upstream?.pause();
      }
    }
  }

  /** New connections pass again; connections held in a blackhole are dropped (they are dead). */
  restore() {
    if (this.mode === 'blackhole') {
      for (const pair of this.pairs) {
        pair.upstream?.destroy();
        pair.client.resetAndDestroy();
      }
    }
    this.mode = 'open';
  }

  async close() {
    this.cut('reset');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function postgresTarget(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}

export function throughProxy(url: string, proxyPort: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxyPort);
  return u.toString();
}
