import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/config';

/**
 * docker-compose.yml can run several API replicas behind one port. No Docker engine runs where
 * the tests run, so this reads the file as Compose would (YAML, then the Compose spec's rules
 * that matter here) and the nginx configuration it mounts.
 */
const ROOT = join(process.cwd(), '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};

interface Service {
  image?: string;
  build?: unknown;
  ports?: (string | { target: number; published?: string | number })[];
  expose?: (string | number)[];
  environment?: Record<string, string> | string[];
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  container_name?: string;
  healthcheck?: unknown;
}

/** `${NAME:-default}` as Compose fills it in when the shell does not set NAME. */
const interpolated = (value: string): string => value.replace(/\$\{[A-Z_][A-Z0-9_]*:-([^}]*)\}/g, (_, fallback: string) => fallback);

const envOf = (s: Service): Record<string, string> =>
  Object.fromEntries(
    Object.entries(
      Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string])) : (s.environment ?? {}),
    ).map(([name, value]) => [name, interpolated(String(value))]),
  );

/** Published host ports of a service, from the short ("3000:3000", "127.0.0.1:3000:3000/tcp") or long syntax. */
function publishedPorts(s: Service): { host: string | null; container: string }[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === 'object') return { host: p.published === undefined ? null : String(p.published), container: String(p.target) };
    const parts = String(p).replace(/\/(tcp|udp)$/, '').split(':');
    return parts.length === 1 ? { host: null, container: parts[0]! } : { host: parts[parts.length - 2]!, container: parts[parts.length - 1]! };
  });
}

const dependencies = (s: Service): string[] => (Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {}));

/** nginx's configuration without comments, as a tree of blocks (enough to check what it says). */
function nginxBlocks(text: string) {
  const tokens = text.replace(/#[^\n]*/g, '').match(/'[^']*'|"[^"]*"|[{};]|[^\s{};]+/g) ?? [];
  interface Block {
    directives: string[][];
    blocks: { head: string[]; body: Block }[];
  }
  const root: Block = { directives: [], blocks: [] };
  const stack: Block[] = [root];
  let words: string[] = [];
  for (const token of tokens) {
    const current = stack[stack.length - 1]!;
    if (token === ';') {
      current.directives.push(words);
      words = [];
    } else if (token === '{') {
      const body: Block = { directives: [], blocks: [] };
      current.blocks.push({ head: words, body });
      stack.push(body);
      words = [];
    } else if (token === '}') {
      if (stack.length === 1) throw new Error('unbalanced } in nginx.conf');
      stack.pop();
    } else words.push(token);
  }
  if (stack.length !== 1 || words.length > 0) throw new Error('unbalanced { or a directive without ; in nginx.conf');
  const find = (block: Block, path: string[]): Block => {
    const [name, ...rest] = path;
    if (!name) return block;
    const next = block.blocks.find((b) => b.head[0] === name || b.head.join(' ') === name);
    if (!next) throw new Error(`no ${name} block`);
    return find(next.body, rest);
  };
  return { root, find };
}

describe('docker-compose.yml', () => {
  const { services } = compose;

  it('runs PostgreSQL, Redis, the API and a proxy, and every reference resolves', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis']);
    for (const [name, s] of Object.entries(services)) {
      expect([name, Boolean(s.image || s.build)]).toEqual([name, true]);
      for (const dep of dependencies(s)) expect(Object.keys(services)).toContain(dep);
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.') || source.startsWith('/')) expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
  });

  it('lets the API scale: no fixed host port or container name, and it trusts the proxy in front', () => {
    const api = services.api!;
    expect(publishedPorts(api).filter((p) => p.host !== null)).toEqual([]);
    expect(api.container_name).toBeUndefined();
    const env = envOf(api);
    // The settings parse as the API itself reads them at start-up.
    const config = loadConfig(env);
    expect(config.trustProxy).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.databaseUrl).toMatch(/@postgres:5432\//);
    // A real install: no demo accounts unless DEMO_SEED=always is given.
    expect(config.nodeEnv).toBe('production');
    expect(config.demoSeed).toBe('never');
  });

  it('publishes one port, on the proxy only, which waits for a healthy API', () => {
    const published = Object.entries(services).flatMap(([name, s]) => publishedPorts(s).filter((p) => p.host !== null).map((p) => ({ name, ...p })));
    expect(published).toEqual([{ name: 'proxy', host: '3000', container: '3000' }]);
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^nginx:/);
    expect(proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(proxy.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
  });
});

describe('deploy/nginx.conf', () => {
  const { root, find } = nginxBlocks(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8'));
  const http = find(root, ['http']);
  const server = find(root, ['http', 'server']);
  const location = find(root, ['http', 'server', 'location /']);
  const directive = (block: typeof root, name: string) => block.directives.filter((d) => d[0] === name).map((d) => d.slice(1));

  it('has an events block and listens on the port compose publishes', () => {
    expect(() => find(root, ['events'])).not.toThrow();
    expect(directive(server, 'listen')).toEqual([['3000']]);
  });

  it("balances over every replica of the api service, re-resolving Docker's DNS", () => {
    expect(directive(http, 'resolver')[0]?.[0]).toBe('127.0.0.11');
    const [[variable, target]] = directive(location, 'set') as [[string, string]];
    expect(target).toBe('http://api:3000');
    expect(directive(location, 'proxy_pass')).toEqual([[variable]]);
  });

  it('carries WebSocket upgrades for graphql-ws and long-lived subscriptions', () => {
    expect(directive(location, 'proxy_http_version')).toEqual([['1.1']]);
    const headers = Object.fromEntries(directive(location, 'proxy_set_header').map(([name, value]) => [name!.toLowerCase(), value]));
    expect(headers.upgrade).toBe('$http_upgrade');
    expect(headers.connection).toBe('$connection_upgrade');
    const map = http.blocks.find((b) => b.head[0] === 'map' && b.head[1] === '$http_upgrade' && b.head[2] === '$connection_upgrade');
    expect(map?.body.directives.find((d) => d[0] === 'default')?.[1]).toBe('upgrade');
    const readTimeout = directive(location, 'proxy_read_timeout')[0]?.[0] ?? '60s';
    expect(readTimeout).toMatch(/^\d+[hm]$/);
  });

  it('hands the client address on as the last X-Forwarded-For entry and lets uploads of the largest size through', () => {
    const headers = Object.fromEntries(directive(location, 'proxy_set_header').map(([name, value]) => [name!.toLowerCase(), value]));
    expect(headers['x-forwarded-for']).toBe('$proxy_add_x_forwarded_for');
    const [size] = directive(server, 'client_max_body_size')[0] ?? ['1m'];
    const bytes = Number(size!.replace(/[km]$/i, '')) * (/m$/i.test(size!) ? 1024 * 1024 : /k$/i.test(size!) ? 1024 : 1);
    expect(bytes).toBeGreaterThan(loadConfig({}).fileMaxBytes);
  });
});
