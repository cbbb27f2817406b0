import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { ErrorCode } from '@lmr/domain';
import { isDatabaseUnavailable } from './db-errors';
import { DomainError } from './errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** Seconds a client should wait before retrying while the database is away (a restart takes about this long). */
const RETRY_AFTER_SECONDS = 5;

/**
 * Errors from plain HTTP routes (exports, files, the gradebook CSV, certificates) answer with a
 * status and the same `{ code }` the GraphQL API puts in extensions: domain errors with theirs,
 * an unreachable database with 503 SERVICE_UNAVAILABLE. Anything else is Nest's own answer
 * (HttpExceptions as they are, a bare 500 otherwise). GraphQL errors pass through to Apollo,
 * whose formatter gives them the same codes.
 */
@Catch()
export class HttpErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HttpErrorsFilter');

  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') {
      // Returned, a domain error becomes the resolver's error; undefined leaves anything else to
      // Nest, which logs and rethrows it as it would without this filter.
      return error instanceof DomainError ? error : undefined;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof DomainError) {
      const status = STATUS[error.code] ?? 500;
      void reply.code(status).send({ code: error.code, message: status === 500 ? 'Something went wrong on our side.' : error.message });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`database unavailable during an HTTP request: ${error instanceof Error ? error.message : String(error)}`);
      // A download that had begun cannot change its status any more; the client sees it cut short.
      if (reply.sent || reply.raw.headersSent) return;
      void reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ code: 'SERVICE_UNAVAILABLE' satisfies ErrorCode, message: 'The database is not answering; try again shortly.' });
      return;
    }
    super.catch(error, host);
  }
}
