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

export interface FieldError {
  /** The input's path as the API names it, such as `displayName` or `rubric.0.levels.1.points`. */
  field: string;
  /** A more precise reason when the API gives one (for passwords: TOO_SHORT, TOO_COMMON, ...). */
  reason: string | null;
}

/** The field a BAD_USER_INPUT answer points at, so the form can show the sentence next to it. */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    const extensions = item.extensions as { code?: unknown; field?: unknown; reason?: unknown } | undefined;
    if (extensions?.code === 'BAD_USER_INPUT' && typeof extensions.field === 'string') {
      return { field: extensions.field, reason: typeof extensions.reason === 'string' ? extensions.reason : null };
    }
  }
  return null;
}
