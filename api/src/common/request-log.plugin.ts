import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextResponseForOperation, GraphQLRequestContextWillSendResponse, GraphQLResponse } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { Logger } from 'pino';
import { DomainError } from './errors';
import type { OperationDefinitionNode } from 'graphql';
import { startCounting, stopCounting, type StatementCounter } from './sql-count';

export interface RequestLogOptions {
  exposeSqlStatements?: boolean;
  /** Runs once the operation is known, before execution; throwing refuses the request. */
  checkOperation?: (ctx: GraphQLRequestContextDidResolveOperation<object>) => void;
  /** Answers the operation instead of Apollo's own execution, or null to leave it to Apollo (compiled-execution.ts). */
  respond?: (ctx: GraphQLRequestContextResponseForOperation<object>) => Promise<unknown>;
  /** Sets a public answer's cache headers (public-reads.ts) and says whether it did; anything else is private. */
  publicAnswer?: (ctx: GraphQLRequestContextWillSendResponse<object>) => boolean;
}

/**
 * The server's one per-request plugin. Apollo awaits every listener of every plugin at each
 * step of every request, so each extra plugin costs on every request (measured on
 * `{ __typename }`): the operation check, the log line, the HTTP status and the cache header
 * share this one listener.
 *
 * One log line per GraphQL request: operation name, type, duration and outcome with the
 * error codes. Variables and results are never logged: they can hold pupils' work.
 */
export function requestLogPlugin(logger: Logger, opts: RequestLogOptions = {}): ApolloServerPlugin {
  const checkOperation = opts.checkOperation;
  const respond = opts.respond;
  const publicAnswer = opts.publicAnswer;
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let counter: StatementCounter | null = null;
      return {
        // Synchronous up to the end: startCounting must run in the pipeline's own context.
        async didResolveOperation(ctx) {
          checkOperation?.(ctx);
          if (runsResolvers(ctx.operation)) counter = startCounting();
        },
        ...(respond ? { responseForOperation: (ctx) => respond(ctx) as Promise<GraphQLResponse | null> } : {}),
        async willSendResponse(ctx) {
          const sqlStatements = counter ? counter.statements : 0;
          if (counter) {
            counter = null;
            stopCounting();
          }
          const { response } = ctx;
          const body = response.body;
          // Replaces Nest's plugin of the same purpose: a response with data is a 200 even when a
          // resolver's error carries an HTTP status, so that clients read `{ data, errors }`.
          if (body.kind === 'single' && 'data' in body.singleResult) response.http.status = 200;
          // Replaces Apollo's cache-control plugin (off: the schema has no cache hints, and it
          // wraps every field resolver): a GraphQL answer may hold a pupil's data, so it is
          // private unless it is a public read sent by GET (public-reads.ts; may make it a 304).
          if (!publicAnswer?.(ctx) && !response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'private, no-store');
          if (opts.exposeSqlStatements && body.kind === 'single') {
            body.singleResult.extensions = { ...body.singleResult.extensions, sqlStatements };
          }
          if (!logger.isLevelEnabled('info')) return;
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
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

/** Only `__typename`, `__schema` and `__type` at the root: no resolver of ours runs, so no SQL. */
function runsResolvers(operation: OperationDefinitionNode | undefined): boolean {
  if (!operation) return false;
  return operation.selectionSet.selections.some((sel) => sel.kind !== 'Field' || !sel.name.value.startsWith('__'));
}
