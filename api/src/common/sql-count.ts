import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

interface RequestStats {
  statements: number;
}

const storage = new AsyncLocalStorage<RequestStats>();

/** Runs one HTTP request with its own statement counter (set up from a Fastify hook). */
export function withStatementCounter<T>(run: () => T): T {
  return storage.run({ statements: 0 }, run);
}

/** SQL statements sent so far for the current request, or null outside one. */
export function statementsSoFar(): number | null {
  return storage.getStore()?.statements ?? null;
}

/**
 * TypeORM calls logQuery for every statement; this logger only counts them, per request,
 * so that tests and the benchmark can see that a page's statements do not grow with its rows.
 */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery() {
    const stats = storage.getStore();
    if (stats) stats.statements += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
