import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { isErrorCode, type ErrorCode as ApiErrorCode } from '@lmr/domain';

/** A code from the API (shared through @lmr/domain), or what the web itself can tell apart. */
export type ErrorCode = ApiErrorCode | 'NETWORK' | 'UNKNOWN';

function codeFromGraphQLErrors(errors: unknown): ApiErrorCode | undefined {
  if (!Array.isArray(errors)) return undefined;
  for (const error of errors as { extensions?: { code?: unknown } }[]) {
    const code = error.extensions?.code;
    if (isErrorCode(code)) return code;
  }
  return undefined;
}

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Reduces whatever Apollo or fetch threw to one code that has a sentence in every language. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    return codeFromGraphQLErrors(error.errors) ?? 'UNKNOWN';
  }
  if (ServerError.is(error)) {
    // A non-2xx answer may still carry GraphQL errors with a code in its body.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: unknown };
      const code = codeFromGraphQLErrors(body.errors);
      if (code) return code;
    } catch {
      // Not JSON (a proxy's error page, for example): decide from the status alone.
    }
    return codeByStatus[error.statusCode] ?? (error.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN');
  }
  // fetch rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
}
