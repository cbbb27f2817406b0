import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ContentSniffer } from './content-type';
import { FileHttpError } from './files.errors';

/** An upload written to a temporary file, measured and hashed on the way. */
export interface ReceivedUpload {
  path: string;
  sizeBytes: number;
  sha256: string;
  head: Buffer;
  hasVideo: boolean;
}

/**
 * Streams the request body to a temporary file in `dir`, never holding it in memory. Over
 * `maxBytes` it stops writing, removes what it wrote and throws PAYLOAD_TOO_LARGE; the rest
 * of the body is read and thrown away so the client, still sending, gets to read the 413.
 */
export async function receiveUpload(source: Readable, dir: string, maxBytes: number): Promise<ReceivedUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  const sniffer = new ContentSniffer();
  let sizeBytes = 0;
  try {
    // Not destroyed on an early exit: destroying the request would cut the connection before the 413.
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) throw new FileHttpError('PAYLOAD_TOO_LARGE', { maxBytes });
      hash.update(chunk);
      sniffer.push(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    await rm(path, { force: true });
    if (err instanceof FileHttpError) discardRest(source, maxBytes);
    throw err;
  }
  return { path, sizeBytes, sha256: hash.digest('hex'), head: sniffer.head, hasVideo: sniffer.hasVideo };
}

/** Reads and drops what the client still sends; past another `limit` bytes it hangs up instead. */
export function discardRest(source: Readable, limit: number): void {
  let dropped = 0;
  source.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) source.destroy();
  });
  source.on('error', () => undefined);
  source.resume();
}

let sharpModule: Promise<typeof import('sharp')> | null = null;
/** Loaded on the first image, not at start-up: libvips costs a quarter of a second to load. */
function loadSharp() {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

export interface DescribedImage {
  width: number;
  height: number;
  thumbnail: Buffer;
}

export const THUMBNAIL_MAX_PX = 400;
/** 10,000 × 10,000: far above any camera, far below what would exhaust memory when decoded. */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * The displayed size (after the camera's EXIF rotation) and a WebP thumbnail of at most
 * 400 px on its longer side. A file that starts like an image but cannot be decoded is refused.
 * Only the first frame of an animated GIF or WebP is used.
 */
export async function describeImage(path: string): Promise<DescribedImage> {
  const sharp = await loadSharp();
  try {
    const input = () => sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await input().metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) throw new Error('no dimensions');
    const thumbnail = await input()
      .autoOrient()
      .resize({ width: THUMBNAIL_MAX_PX, height: THUMBNAIL_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch {
    throw new FileHttpError('UNSUPPORTED_MEDIA_TYPE');
  }
}

/**
 * Pupils' photos come from tablet cameras that write the place (GPS), the device and the time
 * into the file. The stored original is re-encoded without any of that, upright, at high quality.
 * GIFs are kept as they are (they carry no such data, and re-encoding would drop animation).
 */
export async function withoutMetadata(path: string, contentType: string): Promise<{ path: string; sizeBytes: number; sha256: string } | null> {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(contentType)) return null;
  const sharp = await loadSharp();
  const out = `${path}.clean`;
  let image = sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  image = contentType === 'image/jpeg' ? image.jpeg({ quality: 92, mozjpeg: true }) : contentType === 'image/png' ? image.png() : image.webp({ quality: 92 });
  const info = await image.toFile(out);
  const bytes = await readFile(out);
  return { path: out, sizeBytes: info.size, sha256: createHash('sha256').update(bytes).digest('hex') };
}
