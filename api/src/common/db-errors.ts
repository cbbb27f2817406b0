/** PostgreSQL's unique_violation, e.g. two classes given the same new code at the same moment. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/** Connection-level failures: the database is gone, restarting, unreachable or too slow to answer. */
const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection closed|the database system is (starting up|shutting down)/i;

/**
 * True when the database could not answer at all (so the client should retry later): socket
 * errors, SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now),
 * 57014 (statement timeout), and pg's own connect and query timeouts.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_NET.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '57014'].includes(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * SQLSTATE class 22 (data exception): PostgreSQL refused a value the client sent, e.g. a NUL
 * character in text (22021) or in JSON (22P05). The request was wrong, not the server.
 */
export function isDataException(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.driverError?.code === 'string' ? e.driverError.code : '';
  return /^22[0-9A-Z]{3}$/.test(code);
}
