import { IntrinsicException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '@lmr/domain';
import type { Logger } from 'pino';
import { isDataException, isDatabaseUnavailable } from './db-errors';

/**
 * A failure the client should hear about, with a code from @lmr/domain. The message is for
 * developers; the portal turns the code (and `field`) into a sentence in the reader's language.
 * (IntrinsicException: Nest does not log these as crashes; they are answers.)
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const badInput = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('BAD_USER_INPUT', message, { field, ...details });
export const forbidden = (message = 'not allowed') => new DomainError('FORBIDDEN', message);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'sign in first');
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, details);

/** Codes that graphql-js and Apollo produce for malformed requests; passed on as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Shapes every error that leaves the API: domain errors keep their code and safe details,
 * client mistakes keep graphql-js's message, anything else becomes a bare
 * INTERNAL_SERVER_ERROR (logged here with its stack, never sent).
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    if (!(original instanceof GraphQLError) || original.originalError) {
      logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    }
    if (isDataException(original)) {
      return { message: 'A value in the request cannot be stored (for example, it holds a NUL character).', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isDatabaseUnavailable(original)) {
      return { message: 'The database is not answering; try again shortly.', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (original instanceof GraphQLError && !original.originalError && !code) {
      // A graphql-js error with no cause is about the request itself (for example a bad variable).
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    return { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
