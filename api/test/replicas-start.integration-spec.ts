import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from 'argon2';
import pg from 'pg';
import { freePort, startServer, waitForReady, type Spawned } from './spawned-server';
import { adminQuery, serverUrl, withDatabase } from './test-database';

/**
 * `docker compose up --scale api=3` on a new installation: three API processes start at the
 * same moment against one empty database, each migrating it and writing the demo programme
 * (DEMO_SEED=always, as `DEMO_SEED=always docker compose up` sets). All three must come up, and
 * the database must hold each migration and the demo data once; the demo password kept in the
 * shared DATA_DIR is the one that went into the database (each replica drew its own; one won).
 * Needs DATABASE_URL.
 */
const itWithPostgres = serverUrl() ? it : it.skip;

describe('replicas starting together on an empty database', () => {
  const name = `lmr_test_empty_${randomBytes(6).toString('hex')}`;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-replicas-'));
    if (serverUrl()) await adminQuery(serverUrl()!, `CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    if (serverUrl()) await adminQuery(serverUrl()!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('all come up, migrating and seeding the database once', async () => {
    const url = withDatabase(serverUrl()!, name);
    const ports = [await freePort(), await freePort(), await freePort()];
    const servers: Spawned[] = ports.map((port) => startServer({ PORT: String(port), DATABASE_URL: url, DATA_DIR: dataDir, DEMO_SEED: 'always' }));
    try {
      await Promise.all(ports.map((port, i) => waitForReady(port, 60000, servers[i])));
      expect(servers.map((s) => s.child.exitCode)).toEqual([null, null, null]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const migrations = (await client.query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name HAVING count(*) > 1`)).rows;
        expect(migrations).toEqual([]);
        const museums = (await client.query(`SELECT name_en, count(*)::int AS n FROM museum GROUP BY name_en`)).rows;
        expect(museums.length).toBeGreaterThan(0);
        expect(museums.filter((m: { n: number }) => m.n > 1)).toEqual([]);
        const kept = JSON.parse(readFileSync(join(dataDir, 'demo-sign-in.json'), 'utf8')) as { staffPassword: string };
        const admin = (await client.query(`SELECT password_hash FROM app_user WHERE email = 'admin@museum.example'`)).rows[0];
        expect(await verify(admin.password_hash, kept.staffPassword)).toBe(true);
        // The replica whose draw won printed it; no replica printed a password of its own that lost.
        const printed = servers.map((s) => /staff password {3}(\S+-\S+-\S+)/.exec(s.output())?.[1] ?? null);
        expect(printed).toContain(kept.staffPassword);
        expect(printed.filter((p) => p !== null && p !== kept.staffPassword)).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      servers.forEach((s) => s.child.kill('SIGTERM'));
      const exits = await Promise.all(servers.map((s) => s.done));
      expect(exits.map((e) => [e.code, e.stderr])).toEqual(exits.map(() => [0, '']));
    }
  }, 120000);
});
