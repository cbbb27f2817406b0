import { DomainError } from '../common/errors';

/**
 * Every failed sign-in answers with this one error, whether the account exists, is
 * disabled, or the password or code is wrong: nothing tells an attacker which.
 */
export const wrongSignInDetails = () => new DomainError('UNAUTHENTICATED', 'the sign-in details are wrong');

/**
 * Sign-in must wait: answered before the details are looked at, so it says nothing about
 * whether the account exists (an unknown email is counted and delayed exactly like a known one).
 */
export const tooManySignIns = (retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', 'too many failed sign-ins; wait and try again', { retryAfterSeconds });

/** An invitation or reset link that is unknown, used or expired: one answer for all three. */
export const linkNotUsable = () => new DomainError('NOT_FOUND', 'this link is unknown, already used or expired', { field: 'token' });
