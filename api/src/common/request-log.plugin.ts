import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { Logger } from 'pino';
import { DomainError } from './errors';
import { statementsSoFar } from './sql-count';

/**
 * One log line per GraphQL request: operation name, type, duration and outcome with the
 * error codes. Variables and results are never logged: they can hold pupils' work.
 */
export function requestLogPlugin(logger: Logger, opts: { exposeSqlStatements?: boolean } = {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const sqlStatements = statementsSoFar();
          if (opts.exposeSqlStatements && ctx.response.body.kind === 'single') {
            ctx.response.body.singleResult.extensions = { ...ctx.response.body.singleResult.extensions, sqlStatements };
          }
          const errors = ctx.errors ?? [];
          const codes = [
            ...new Set(
              errors.map((e) =>
                e.originalError instanceof DomainError
                  ? e.originalError.code
                  : String((e.extensions as { code?: unknown } | undefined)?.code ?? 'INTERNAL_SERVER_ERROR'),
              ),
            ),
          ];
          logger.info(
            {
              operation: ctx.operationName ?? ctx.request.operationName ?? null,
              operationType: ctx.operation?.operation ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              outcome: errors.length === 0 ? 'ok' : 'error',
              sqlStatements,
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql',
          );
        },
      };
    },
  };
}
