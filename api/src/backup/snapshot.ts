import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DatabaseKind } from '../database/database';
import { assertSafeKey } from '../files/store/file-store';
import { BackupError } from './backup.errors';
import type { Capture } from './capture';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'little-museum-researcher-backup';
export const FORMAT_VERSION = 1;

/**
 * A snapshot is a folder: manifest.json, database/ (the dump) and files/ (the stored files
 * under their keys). The manifest is written last and the folder renamed from `….partial`
 * only when complete, so a folder without `.partial` and with a manifest is a whole snapshot.
 */
export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  /** The database's own clock at the moment of the snapshot. */
  createdAt: string;
  database: { kind: DatabaseKind; lastMigration: string | null; dump: string };
  /** Rows per table in the snapshot; restore checks the restored database against them. */
  counts: Record<string, number>;
  files: {
    store: 'local' | 's3';
    /** false with FILE_STORE=s3: the bucket is backed up apart (see the README). */
    included: boolean;
    count: number;
    bytes: number;
    /** Keys rows refer to that were already missing from the file store when the snapshot was taken. */
    missing: string[];
  };
  /** SHA-256 of every file in the snapshot but the manifest, by its path inside the snapshot. */
  checksums: Record<string, string>;
}

/** Copies one file while hashing it. */
async function copyHashed(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await mkdir(dirname(to), { recursive: true });
  await pipeline(
    createReadStream(from),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(to, { flags: 'wx' }),
  );
  return { sha256: hash.digest('hex'), bytes };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Turns a capture's staging folder into a snapshot at `output` (which must not exist), and removes the staging folder. */
export async function writeSnapshot(capture: Capture, output: string): Promise<Manifest> {
  if (existsSync(output)) throw new BackupError('OUTPUT_EXISTS', `${output} already exists`);
  const partial = `${output}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    const checksums: Record<string, string> = {};
    const dump = await copyHashed(join(capture.dir, capture.dumpFile), join(partial, capture.dumpFile));
    checksums[capture.dumpFile] = dump.sha256;
    let bytes = 0;
    for (const key of capture.fileKeys) {
      const path = `files/${key}`;
      const copied = await copyHashed(join(capture.dir, 'files', ...key.split('/')), join(partial, 'files', ...key.split('/')));
      checksums[path] = copied.sha256;
      bytes += copied.bytes;
    }
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: capture.createdAt,
      database: { kind: capture.kind, lastMigration: capture.lastMigration, dump: capture.dumpFile },
      counts: capture.counts,
      files: { store: capture.fileStore, included: capture.fileStore === 'local', count: capture.fileKeys.length, bytes, missing: capture.missingKeys },
      checksums,
    };
    await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, output);
    return manifest;
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(capture.dir, { recursive: true, force: true });
  }
}

/** The manifest, checked for shape (not the files: see verifySnapshot). */
export async function readManifest(snapshot: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(snapshot, MANIFEST), 'utf8');
  } catch {
    throw new BackupError('SNAPSHOT_INVALID', `${snapshot} has no ${MANIFEST}: not a snapshot, or an unfinished one`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupError('SNAPSHOT_INVALID', `${join(snapshot, MANIFEST)} is not valid JSON`);
  }
  if (manifest?.format !== FORMAT) throw new BackupError('SNAPSHOT_INVALID', `${snapshot} is not a Little Museum Researcher snapshot`);
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new BackupError('SNAPSHOT_INVALID', `${snapshot} has format version ${manifest.formatVersion}; this version reads ${FORMAT_VERSION}`);
  }
  const kinds: DatabaseKind[] = ['pglite', 'postgres'];
  if (!kinds.includes(manifest.database?.kind) || typeof manifest.checksums !== 'object' || !manifest.checksums || !(manifest.database.dump in manifest.checksums)) {
    throw new BackupError('SNAPSHOT_INVALID', `${join(snapshot, MANIFEST)} is incomplete`);
  }
  return manifest;
}

/** Every file in the snapshot, as paths relative to it with `/`. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(path);
  }
  return out;
}

/**
 * Reads the manifest and checks every file against its checksum: nothing missing, nothing
 * changed, nothing unaccounted for. Restore calls this before it writes anything.
 */
export async function verifySnapshot(snapshot: string): Promise<Manifest> {
  const info = await stat(snapshot).catch(() => null);
  if (!info?.isDirectory()) throw new BackupError('SNAPSHOT_INVALID', `${snapshot} is not a snapshot folder`);
  const manifest = await readManifest(snapshot);
  const listed = Object.keys(manifest.checksums);
  for (const path of listed) {
    if (path.startsWith('files/')) assertKey(path.slice('files/'.length));
    else if (path !== manifest.database.dump || path.includes('..')) throw new BackupError('SNAPSHOT_INVALID', `the manifest names an unexpected file ${path}`);
  }
  const present = new Set((await listFiles(snapshot)).filter((p) => p !== MANIFEST));
  for (const path of listed) {
    if (!present.has(path)) throw new BackupError('SNAPSHOT_INVALID', `${path} is missing from ${snapshot}`);
    const actual = await hashFile(join(snapshot, ...path.split('/')));
    if (actual !== manifest.checksums[path]) throw new BackupError('CHECKSUM_MISMATCH', `${path} in ${snapshot} does not match its checksum: the snapshot is damaged`);
    present.delete(path);
  }
  const extra = [...present];
  if (extra.length > 0) throw new BackupError('SNAPSHOT_INVALID', `${snapshot} holds files its manifest does not name (${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''})`);
  return manifest;
}

function assertKey(key: string): void {
  try {
    assertSafeKey(key);
  } catch {
    throw new BackupError('SNAPSHOT_INVALID', `the manifest names a file outside the store: ${key}`);
  }
}

export const filesOf = (manifest: Manifest): string[] =>
  Object.keys(manifest.checksums)
    .filter((p) => p.startsWith('files/'))
    .map((p) => p.slice('files/'.length));

