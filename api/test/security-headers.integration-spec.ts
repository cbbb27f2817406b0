import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config/config';
import { createTestApp, type TestApp } from './test-app';
import { freshDatabase, type TestDatabase } from './test-database';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (still compressed when Content-Encoding says so). */
  body: Buffer;
}

/** One GET over real HTTP with nothing decoded for us, so encodings can be checked byte for byte. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: RawAnswer['headers'] | Record<string, unknown>) {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

const script = `console.log(${JSON.stringify('a museum '.repeat(400))});\n`;
const indexHtml = '<!doctype html><html lang="zh-CN"><head><title>t</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n';

/** A built portal as web/vite.config.ts leaves it: hashed files under assets/, each with .br and .gz beside it. */
function fakePortal(): string {
  const dist = mkdtempSync(join(tmpdir(), 'lmr-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  for (const [path, content] of [
    ['index.html', indexHtml],
    ['assets/index-Ab12Cd34.js', script],
  ] as const) {
    writeFileSync(join(dist, path), content);
    writeFileSync(join(dist, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${path}.gz`), gzipSync(content));
  }
  // A small file the build left uncompressed.
  writeFileSync(join(dist, 'assets', 'tiny-Zz99Yy88.css'), 'a{}');
  return dist;
}

describe('security headers and the portal’s delivery', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let port: number;
  let dist: string;
  let dataDir: string;

  beforeAll(async () => {
    db = await freshDatabase();
    dist = fakePortal();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-test-data-'));
    const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), webDist: dist };
    app = await createApp({ config, database: db.database, logger: createLogger(config.logLevel) });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await db.dispose();
    rmSync(dist, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts the CSP, frame, referrer and nosniff headers on the page, its files, GraphQL, files, health and 404s', async () => {
    for (const path of ['/', '/pupil-sign-in', '/assets/index-Ab12Cd34.js', '/health/live', '/files/00000000-0000-0000-0000-000000000000', '/graphql/nothing', '/assets/gone-00000000.js']) {
      const answer = await rawGet(port, path);
      expect({ path, csp: answer.headers['content-security-policy'] !== undefined }).toEqual({ path, csp: true });
      expectSecurityHeaders(answer.headers);
    }
    const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(graphql.headers));
  });

  it('sends hashed files compressed as the browser asks, cached for a year, and the page itself revalidated', async () => {
    const brotli = await rawGet(port, '/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script);
    expect(brotli.body.length).toBeLessThan(script.length / 5);

    const gzip = await rawGet(port, '/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await rawGet(port, '/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const uncompressed = await rawGet(port, '/assets/tiny-Zz99Yy88.css', { 'accept-encoding': 'br, gzip' });
    expect(uncompressed.status).toBe(200);
    expect(uncompressed.headers['content-encoding']).toBeUndefined();
    expect(uncompressed.body.toString()).toBe('a{}');
    expect(uncompressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const path of ['/', '/pupil-sign-in', '/exhibition/works/some-work']) {
      const page = await rawGet(port, path, { 'accept-encoding': 'br' });
      expect({ path, status: page.status, cache: page.headers['cache-control'], encoding: page.headers['content-encoding'] }).toEqual({ path, status: 200, cache: 'no-cache', encoding: 'br' });
      expect(brotliDecompressSync(page.body).toString()).toBe(indexHtml);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      // Revalidation answers 304 without the body.
      const again = await rawGet(port, path, { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
      expect(again.status).toBe(304);
    }
  });

  it('answers 404 for a hashed file that is not there, never the page', async () => {
    const missing = await rawGet(port, '/assets/index-00000000.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/html/);
  });

  it('sends no HSTS without TRUST_PROXY, whatever X-Forwarded-Proto claims', async () => {
    const answer = await rawGet(port, '/health/live', { 'x-forwarded-proto': 'https' });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HSTS behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => t.close());

  it('is sent only when our proxy says the client came over https', async () => {
    const overTls = await t.http().get('/health/live').set('x-forwarded-proto', 'https');
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000');
    // The last entry is our own proxy's; an earlier one is whatever the client sent.
    const forged = await t.http().get('/health/live').set('x-forwarded-proto', 'https, http');
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const plain = await t.http().get('/health/live').set('x-forwarded-proto', 'http');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const none = await t.http().get('/health/live');
    expect(none.headers['strict-transport-security']).toBeUndefined();
    const graphql = await t.gql('{ __typename }', {}, { headers: { 'x-forwarded-proto': 'https' } });
    expect(graphql.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('GraphQL suggestions', () => {
  const misspelt = '{ collectionObjectz(id: "x") { id } }';

  it('names no field of the schema in production, where introspection is off', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RETENTION_JOB: 'false' });
    try {
      const answer = await t.gql(misspelt);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.errors?.[0]?.message).toBe('Cannot query field "collectionObjectz" on type "Query".');
      expect(JSON.stringify(answer.body)).not.toMatch(/did you mean|collectionObject"/i);
    } finally {
      await t.close();
    }
  });

  it('still suggests the right field in development, where the schema is open anyway', async () => {
    const t = await createTestApp();
    try {
      const answer = await t.gql(misspelt);
      expect(answer.errors?.[0]?.message).toMatch(/Did you mean "collectionObject/);
    } finally {
      await t.close();
    }
  });
});
