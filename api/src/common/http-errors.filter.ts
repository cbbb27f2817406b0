import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ErrorCode } from '@lmr/domain';
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

/**
 * Domain errors from plain HTTP routes (exports, files) answer with a status and the same
 * `{ code }` the GraphQL API puts in extensions. GraphQL errors pass through to Apollo.
 */
@Catch(DomainError)
export class HttpDomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType() !== 'http') return error;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = STATUS[error.code] ?? 500;
    void reply.code(status).send({ code: error.code, message: status === 500 ? 'Something went wrong on our side.' : error.message });
  }
}
