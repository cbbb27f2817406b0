import { DomainError } from '../common/errors';

/**
 * Every failed sign-in answers with this one error, whether the account exists, is
 * disabled, or the password or code is wrong: nothing tells an attacker which.
 */
export const wrongSignInDetails = () => new DomainError('UNAUTHENTICATED', 'the sign-in details are wrong');

export const tooManySignIns = (windowMinutes: number) =>
  new DomainError('RATE_LIMITED', 'too many failed sign-ins; wait and try again', { retryAfterMinutes: windowMinutes });

/** An invitation or reset link that is unknown, used or expired: one answer for all three. */
export const linkNotUsable = () => new DomainError('NOT_FOUND', 'this link is unknown, already used or expired', { field: 'token' });
