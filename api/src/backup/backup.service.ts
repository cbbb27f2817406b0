import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG } from '../common/app-config.module';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { BackupError } from './backup.errors';
import { captureEmbedded } from './capture';
import { removeEndpoint, writeEndpoint } from './data-folder';

const ABANDONED_AFTER_MS = 24 * 60 * 60_000;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** What the backup route sees of a request: where it came from and what it carries. */
export interface BackupCaller {
  remoteAddress: string | undefined;
  localAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The server's half of backing up the embedded database: only the process that has PGlite open
 * may read it, so the backup CLI asks this process (over loopback, with the secret this process
 * wrote to DATA_DIR at start) to capture a snapshot between transactions. The capture lands in
 * DATA_DIR/tmp and the CLI turns it into the snapshot, so this process does the seconds of
 * holding the database and not the minutes of copying.
 *
 * On PostgreSQL nothing is done here: the CLI uses pg_dump, whichever processes are serving.
 */
@Injectable()
export class BackupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BackupService');
  private readonly secret = randomBytes(32).toString('hex');
  private capturing = false;
  private announced = false;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    void this.removeAbandonedCaptures();
    if (!this.database.pglite) return;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    // The port is known once the server listens (main.ts listens after bootstrap).
    if (server.listening) this.announce(server);
    else server.once('listening', () => this.announce(server));
  }

  onApplicationShutdown(): void {
    if (this.announced) removeEndpoint(this.config.dataDir);
  }

  /**
   * A backup command that died between the capture and writing its snapshot leaves its staging
   * folder (hard links, and a dump) in DATA_DIR/tmp; after a day nobody is still writing from it.
   */
  private async removeAbandonedCaptures(): Promise<void> {
    const tmp = join(this.config.dataDir, 'tmp');
    const entries = await readdir(tmp, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || !entry.name.startsWith('backup-')) continue;
      const path = join(tmp, entry.name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > ABANDONED_AFTER_MS) await rm(path, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private announce(server: Server): void {
    const address = server.address() as AddressInfo | null;
    if (!address || typeof address !== 'object') return;
    const unspecified = address.address === '0.0.0.0' || address.address === '::';
    try {
      writeEndpoint(this.config.dataDir, { pid: process.pid, host: unspecified ? '127.0.0.1' : address.address, port: address.port, secret: this.secret });
      this.announced = true;
    } catch (err) {
      this.logger.error(`could not write the backup endpoint file to ${this.config.dataDir}: ${String(err)}; npm run backup will refuse while this server runs`);
    }
  }

  /** Whether the caller may take a backup: on this machine, not through a proxy, with the secret. */
  allowed(caller: BackupCaller): 'yes' | 'not-here' | 'wrong-secret' {
    const remote = caller.remoteAddress ?? '';
    const local = LOOPBACK.test(remote) || (remote !== '' && remote === caller.localAddress);
    // A reverse proxy on this machine connects over loopback too: what it forwards is not local.
    if (!local || caller.headers['x-forwarded-for'] !== undefined || caller.headers.forwarded !== undefined) return 'not-here';
    const given = Buffer.from(String(caller.headers['x-backup-secret'] ?? ''));
    const expected = Buffer.from(this.secret);
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'yes' : 'wrong-secret';
  }

  /** Captures the embedded database and its files into a staging folder; returns the folder. */
  async capture(): Promise<string> {
    const pglite = this.database.pglite;
    if (!pglite) throw new BackupError('USAGE', 'this server runs on PostgreSQL: npm run backup uses pg_dump directly');
    if (this.capturing) throw new BackupError('BUSY', 'a backup is being taken right now');
    this.capturing = true;
    const started = Date.now();
    try {
      const capture = await captureEmbedded(this.database.dataSource, pglite, this.config);
      this.logger.log(`backup captured in ${Date.now() - started} ms: ${capture.fileKeys.length} files, ${capture.missingKeys.length} missing`);
      return capture.dir;
    } finally {
      this.capturing = false;
    }
  }
}
