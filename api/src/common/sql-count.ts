import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

export interface StatementCounter {
  statements: number;
}

const storage = new AsyncLocalStorage<StatementCounter>();
/** Operations counting right now; the storage is switched off whenever none is. */
let counting = 0;

/**
 * Starts counting the SQL statements of one GraphQL operation: those sent from here on, in
 * this asynchronous context (its resolvers, the guard's session lookup, its DataLoaders), go
 * to the returned counter. Call it synchronously in a request-pipeline hook, before execution,
 * and call stopCounting once the response is ready.
 *
 * Why not one store per HTTP request: on Node 20 an enabled AsyncLocalStorage costs a hook on
 * every promise the process creates (about 15 µs of a `{ __typename }` request's 90, measured),
 * so it is enabled only while some operation that runs resolvers is under way.
 */
export function startCounting(): StatementCounter {
  const counter = { statements: 0 };
  counting += 1;
  storage.enterWith(counter);
  return counter;
}

export function stopCounting(): void {
  counting -= 1;
  if (counting === 0) storage.disable();
}

/** The current operation's counter, to charge it later for a statement sent on its behalf. */
export function currentCounter(): StatementCounter | null {
  return storage.getStore() ?? null;
}

/** Runs `fn` (and what it starts) outside any operation: its statements count for none. */
export function outsideOperations<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** SQL statements sent so far for the current operation, or null outside one. */
export function statementsSoFar(): number | null {
  return storage.getStore()?.statements ?? null;
}

/**
 * TypeORM calls logQuery for every statement; this logger only counts them, per operation,
 * so that tests and the benchmark can see that a page's statements do not grow with its rows.
 */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery() {
    const counter = storage.getStore();
    if (counter) counter.statements += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
