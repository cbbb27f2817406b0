import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from './errors';

function serverError(status: number, body: string) {
  return new ServerError('Response not successful', { response: new Response(body, { status }), bodyText: body });
}

describe('errorCodeOf', () => {
  it('reads extensions.code from GraphQL errors', () => {
    const error = new CombinedGraphQLErrors({ data: null, errors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] });
    expect(errorCodeOf(error)).toBe('CONFLICT');
  });

  it('treats a code the web does not know as unknown', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(errorCodeOf(error)).toBe('UNKNOWN');
  });

  it('prefers the code in the body of a non-2xx answer, then the status', () => {
    expect(errorCodeOf(serverError(400, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] })))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCodeOf(serverError(429, 'Too Many Requests'))).toBe('RATE_LIMITED');
    expect(errorCodeOf(serverError(503, 'Service Unavailable'))).toBe('SERVICE_UNAVAILABLE');
    expect(errorCodeOf(serverError(502, '<html>Bad gateway</html>'))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('recognises a failed fetch as a network problem', () => {
    expect(errorCodeOf(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(errorCodeOf(new Error('something else'))).toBe('UNKNOWN');
  });
});
