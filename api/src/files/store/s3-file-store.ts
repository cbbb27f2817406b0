import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { assertSafeKey, type FileStore, type StoredObject } from './file-store';
import { signS3Request, uriEncode, type S3Credentials } from './s3-signer';

export interface S3StoreConfig extends S3Credentials {
  /** Base URL of the service, without a trailing slash: objects are addressed path-style. */
  endpoint: string;
  bucket: string;
}

export class S3StoreError extends Error {}

/**
 * An S3-compatible bucket spoken to with plain HTTP (fetch) and SigV4 signatures, path-style
 * (https://endpoint/bucket/key), which MinIO, Ceph and the Chinese clouds' S3 APIs all accept.
 * The body is not part of the signature (UNSIGNED-PAYLOAD): TLS protects it in transit, and the
 * service stored its SHA-256 in the database.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly config: S3StoreConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private urlOf(key: string): URL {
    assertSafeKey(key);
    return new URL(`${this.config.endpoint}/${uriEncode(this.config.bucket, false)}/${uriEncode(key, true)}`);
  }

  private async send(method: string, key: string, init: { headers?: Record<string, string>; body?: Readable } = {}): Promise<Response> {
    const url = this.urlOf(key);
    const signed = signS3Request({ method, url, headers: init.headers }, this.config);
    return this.fetchImpl(url, {
      method,
      headers: signed.headers,
      ...(init.body ? { body: Readable.toWeb(init.body) as unknown as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
  }

  async put(key: string, body: Readable, meta: { contentType: string; sizeBytes: number }): Promise<void> {
    const res = await this.send('PUT', key, {
      headers: { 'content-type': meta.contentType, 'content-length': String(meta.sizeBytes) },
      body,
    });
    await res.body?.cancel();
    if (!res.ok) throw new S3StoreError(`S3 PUT ${key} answered ${res.status}`);
  }

  async get(key: string): Promise<StoredObject | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new S3StoreError(`S3 GET ${key} answered ${res.status}`);
    }
    return {
      body: Readable.fromWeb(res.body as unknown as WebReadableStream),
      sizeBytes: Number(res.headers.get('content-length') ?? '0'),
    };
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    await res.body?.cancel();
    if (!res.ok && res.status !== 404) throw new S3StoreError(`S3 DELETE ${key} answered ${res.status}`);
  }
}
