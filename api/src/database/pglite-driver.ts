import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * A `pg`-shaped driver for TypeORM on top of one embedded PGlite database.
 *
 * PGlite is a single session: two "connections" share one transaction state, so one
 * request's ROLLBACK could undo another's work. This driver hands the session to one
 * borrower at a time (a pool of size one with a queue): a transaction keeps it until it
 * ends, and everyone else waits, which is how a PostgreSQL server keeps them apart.
 */
export function pgliteDriver(db: PGlite, options: { acquireTimeoutMs: number }) {
  const lock = new SessionLock(options.acquireTimeoutMs);

  class Client extends EventEmitter {
    /** Whether the borrower left a transaction open, so that it is rolled back on release. */
    inTransaction = false;

    async query(sql: string, params?: unknown[]) {
      const verb = leadingVerb(sql);
      if (verb === 'START' || verb === 'BEGIN') this.inTransaction = true;
      if (verb === 'COMMIT' || (verb === 'ROLLBACK' && !/^\s*ROLLBACK\s+TO\b/i.test(sql))) this.inTransaction = false;
      return runQuery(db, sql, params, verb);
    }
  }

  class Pool extends EventEmitter {
    connect(callback?: (err: Error | null, client?: Client, release?: (err?: unknown) => void) => void) {
      const borrowed = lock.acquire().then((unlock) => {
        const client = new Client();
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          const cleanup = client.inTransaction ? db.exec('ROLLBACK').then(() => undefined, () => undefined) : Promise.resolve();
          void cleanup.finally(unlock);
        };
        return { client, release };
      });
      if (!callback) {
        return borrowed.then(({ client, release }) => Object.assign(client, { release }));
      }
      borrowed.then(
        ({ client, release }) => callback(null, client, release),
        (err: Error) => callback(err),
      );
      return undefined;
    }

    async query(sql: string, params?: unknown[]) {
      const unlock = await lock.acquire();
      try {
        return await runQuery(db, sql, params, leadingVerb(sql));
      } finally {
        unlock();
      }
    }

    end(callback?: (err?: Error) => void) {
      // The PGlite instance belongs to whoever created it; they close it.
      callback?.();
      return Promise.resolve();
    }
  }

  return { Pool, lock };
}

export class DatabaseBusyError extends Error {
  constructor(waitedMs: number) {
    super(`the embedded database stayed busy for ${waitedMs} ms`);
  }
}

/** A FIFO mutex: acquire() resolves with the function that frees it. */
export class SessionLock {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly timeoutMs: number) {}

  get queued(): number {
    return this.waiting;
  }

  acquire(): Promise<() => void> {
    let free!: () => void;
    const mine = new Promise<void>((resolve) => (free = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    this.waiting += 1;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const turn = previous.then(() => {
      this.waiting -= 1;
      if (timer) clearTimeout(timer);
      if (timedOut) {
        // Our caller has given up: pass the session straight on.
        free();
        throw new DatabaseBusyError(this.timeoutMs);
      }
      return free;
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new DatabaseBusyError(this.timeoutMs));
      }, this.timeoutMs);
      timer.unref();
    });
    const result = Promise.race([turn, timeout]);
    turn.catch(() => undefined);
    return result;
  }
}

type Verb = string;

function leadingVerb(sql: string): Verb {
  const match = /^\s*(?:--[^\n]*\n\s*)*([A-Za-z]+)/.exec(sql);
  return match ? match[1]!.toUpperCase() : '';
}

async function runQuery(db: PGlite, sql: string, params: unknown[] | undefined, verb: Verb) {
  let result: Results<Record<string, unknown>>;
  try {
    result = await db.query<Record<string, unknown>>(sql, params ?? []);
  } catch (err) {
    // Several statements in one string (migrations do this) need the simple protocol.
    if ((err as { code?: string }).code === '42601' && (params ?? []).length === 0 && /;\s*\S/.test(sql)) {
      const all = await db.exec(sql);
      result = (all[all.length - 1] ?? { rows: [], fields: [] }) as Results<Record<string, unknown>>;
    } else {
      throw err;
    }
  }
  const rows = result.rows ?? [];
  return {
    command: verb,
    rows,
    rowCount: verb === 'SELECT' ? rows.length : (result.affectedRows ?? rows.length),
    fields: result.fields,
  };
}
