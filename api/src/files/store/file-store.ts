import type { Readable } from 'node:stream';

/** Stored bytes as read back: a stream and its length (for Content-Length). */
export interface StoredObject {
  body: Readable;
  sizeBytes: number;
}

/**
 * Where the bytes of uploaded files live, by key. The service does not know which store it
 * has: the local folder in development and tests, an S3-compatible bucket in production.
 */
export interface FileStore {
  /** Writes the whole stream under the key; `sizeBytes` is exact (S3 needs it up front). */
  put(key: string, body: Readable, meta: { contentType: string; sizeBytes: number }): Promise<void>;
  /** Null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FileStore');

/** Keys are made by the service from uuids; anything else is refused before it reaches a path or URL. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9-]+(\/[a-z0-9.-]+)*$/.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  }
}
