import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';

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

/** The Redis the multi-process tests share (it must be running). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TwoServers {
  portA: number;
  portB: number;
  a: Spawned;
  b: Spawned;
  /** How many subscribers Redis counts on a channel (an API process listens per signed-in user). */
  numsub(channel: string): Promise<number>;
  /** SIGTERM to both; resolves with both exits once they are gone. */
  stop(): Promise<[Exit, Exit]>;
}

/**
 * Two API processes on one database and one Redis, both ready: what the tests of "nothing
 * that matters lives in one process" start from. A test checks `stop()`'s exits itself
 * (with cleanExits), in a `finally`, so that a failing body still stops both.
 */
export async function startTwoServers(env: Record<string, string>, readyWithinMs = 40000): Promise<TwoServers> {
  const [portA, portB] = [await freePort(), await freePort()];
  const shared = { REDIS_URL: TEST_REDIS_URL, ...env };
  const a = startServer({ ...shared, PORT: String(portA) });
  const b = startServer({ ...shared, PORT: String(portB) });
  const redis = new Redis(TEST_REDIS_URL);
  const stop = async (): Promise<[Exit, Exit]> => {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    const exits = await Promise.all([a.done, b.done]);
    await redis.quit();
    return exits;
  };
  try {
    await Promise.all([waitForReady(portA, readyWithinMs, a), waitForReady(portB, readyWithinMs, b)]);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    portA,
    portB,
    a,
    b,
    numsub: async (channel) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]),
    stop,
  };
}

/** Both processes stopped on SIGTERM with exit code 0 and nothing on stderr (their Redis connections closed with them). */
export function cleanExits([a, b]: [Exit, Exit]): [number | null, number | null, string] {
  return [a.code, b.code, a.stderr + b.stderr];
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
