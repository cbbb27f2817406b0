import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { S3FileStore } from './s3-file-store';
import { amzDates, signingKey, signS3Request, uriEncode } from './s3-signer';

const credentials = { region: 'cn-north-1', accessKeyId: 'AKIDLMRTEST', secretAccessKey: 'lmr/test+secret' };
const at = new Date('2026-03-01T08:15:00.000Z');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SigV4 for S3', () => {
  it('formats the date and the signing key as the spec defines them', () => {
    expect(amzDates(at)).toEqual({ amzDate: '20260301T081500Z', day: '20260301' });
    // kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), "s3"), "aws4_request"), step by step.
    const kDate = hmac('AWS4lmr/test+secret', '20260301');
    const kRegion = hmac(kDate, 'cn-north-1');
    const kService = hmac(kRegion, 's3');
    expect(signingKey(credentials.secretAccessKey, '20260301', 'cn-north-1').equals(hmac(kService, 'aws4_request'))).toBe(true);
  });

  it('encodes paths and queries the way S3 compares them', () => {
    expect(uriEncode('originals/a b~c', true)).toBe('originals/a%20b~c');
    expect(uriEncode('a/b', false)).toBe('a%2Fb');
    expect(uriEncode('图', false)).toBe('%E5%9B%BE');
    expect(uriEncode("it's+(1)*", false)).toBe('it%27s%2B%281%29%2A');
  });

  it('signs a path-style PUT: the canonical request and string to sign written out by hand', () => {
    const signed = signS3Request(
      {
        method: 'PUT',
        url: new URL('https://s3.example.com/lmr-files/originals/0f6c'),
        headers: { 'Content-Type': 'image/png', 'Content-Length': '5' },
      },
      credentials,
      at,
    );
    // Headers lower-cased and sorted; every signed header on its own line, then a blank line.
    const canonical = [
      'PUT',
      '/lmr-files/originals/0f6c',
      '',
      'content-length:5',
      'content-type:image/png',
      'host:s3.example.com',
      'x-amz-content-sha256:UNSIGNED-PAYLOAD',
      'x-amz-date:20260301T081500Z',
      '',
      'content-length;content-type;host;x-amz-content-sha256;x-amz-date',
      'UNSIGNED-PAYLOAD',
    ].join('\n');
    expect(signed.canonicalRequest).toBe(canonical);
    const stringToSign = ['AWS4-HMAC-SHA256', '20260301T081500Z', '20260301/cn-north-1/s3/aws4_request', sha256(canonical)].join('\n');
    expect(signed.stringToSign).toBe(stringToSign);

    const key = hmac(hmac(hmac(hmac('AWS4lmr/test+secret', '20260301'), 'cn-north-1'), 's3'), 'aws4_request');
    const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDLMRTEST/20260301/cn-north-1/s3/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
    );
    expect(signature).toBe(PINNED_SIGNATURE);
    expect(signed.headers['x-amz-date']).toBe('20260301T081500Z');
    expect(signed.headers.host).toBeUndefined();
  });

  it('sorts and encodes query parameters', () => {
    const signed = signS3Request({ method: 'GET', url: new URL('https://s3.example.com/b?prefix=a b&list-type=2') }, credentials, at);
    expect(signed.canonicalRequest.split('\n')[2]).toBe('list-type=2&prefix=a%20b');
  });
});

/** A stand-in for an S3 service: checks each request's signature independently, keeps objects in memory. */
function fakeS3(): Promise<{ server: Server; endpoint: string; objects: Map<string, { body: Buffer; type: string }>; refused: string[] }> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const refused: string[] = [];
  const verify = (req: IncomingMessage): boolean => {
    const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!match || match[1] !== credentials.accessKeyId) return false;
    const [, , day, region, signedHeaders, signature] = match;
    const names = signedHeaders!.split(';');
    if (!names.includes('host') || !names.includes('x-amz-date')) return false;
    const canonical = [
      req.method,
      req.url!.split('?')[0],
      '',
      ...names.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}`),
      '',
      signedHeaders,
      String(req.headers['x-amz-content-sha256']),
    ].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), `${day}/${region}/s3/aws4_request`, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day!), region!), 's3'), 'aws4_request');
    return createHmac('sha256', key).update(toSign).digest('hex') === signature;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!verify(req)) {
        refused.push(`${req.method} ${req.url}`);
        res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const path = req.url!;
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), type: String(req.headers['content-type']) });
        res.writeHead(200).end();
      } else if (req.method === 'GET') {
        const object = objects.get(path);
        if (!object) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        else res.writeHead(200, { 'content-type': object.type, 'content-length': object.body.length }).end(object.body);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, refused })),
  );
}

describe('S3FileStore against a signature-checking stand-in', () => {
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  beforeAll(async () => {
    s3 = await fakeS3();
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

  it('puts, gets and deletes an object path-style, every request correctly signed', async () => {
    const store = new S3FileStore({ ...credentials, endpoint: s3.endpoint, bucket: 'lmr-files' });
    const bytes = Buffer.from('%PDF-1.4 a small test file');
    await store.put('originals/0f6c', Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), { contentType: 'application/pdf', sizeBytes: bytes.length });
    expect(s3.objects.get('/lmr-files/originals/0f6c')).toEqual({ body: bytes, type: 'application/pdf' });

    const got = await store.get('originals/0f6c');
    expect(got?.sizeBytes).toBe(bytes.length);
    const chunks: Buffer[] = [];
    for await (const c of got!.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);

    await store.delete('originals/0f6c');
    expect(await store.get('originals/0f6c')).toBeNull();
    expect(s3.refused).toEqual([]);
  });

  it('reports a refused request as an error', async () => {
    const store = new S3FileStore({ ...credentials, secretAccessKey: 'wrong', endpoint: s3.endpoint, bucket: 'lmr-files' });
    await expect(store.put('originals/1', Readable.from([Buffer.from('x')]), { contentType: 'image/png', sizeBytes: 1 })).rejects.toThrow(/403/);
  });

  it('refuses keys that could leave the bucket path', async () => {
    const store = new S3FileStore({ ...credentials, endpoint: s3.endpoint, bucket: 'lmr-files' });
    await expect(store.get('../other/x')).rejects.toThrow(/not a storage key/);
  });
});

/** The same chain computed outside Node, with sha256sum and `openssl dgst -sha256 -mac HMAC`. */
const PINNED_SIGNATURE = '3b93eae39752b1a3318d29cca51dc77784ebcab3f38ac5e6ca0e5891f01fb4cb';
