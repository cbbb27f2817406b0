import type { SignInThrottleConfig } from '../config/config';
import { hashToken } from '../common/tokens';

/**
 * Which failure counters a sign-in attempt meets, and how long a counter makes the next attempt
 * wait. Pure arithmetic; SignInFailures (sign-in-failures.service.ts) keeps the counters.
 *
 * Failures slow a guesser down instead of refusing the right credentials for everyone (NIST SP
 * 800-63B §5.2.2; OWASP counts lockout as a denial of service). Each counter allows some
 * failures free (people mistype), then every further failure makes the next attempt wait twice
 * as long as the last: SIGN_IN_FIRST_DELAY_SECONDS (1 s), 2 s, 4 s … 512 s, then
 * SIGN_IN_MAX_DELAY_SECONDS (900 s) from the eleventh on. A counter forgets its failures a window (SIGN_IN_WINDOW_MINUTES, 15) after
 * its last delay ended.
 *
 * Staff (email + password):
 * - the account from this address: 5 free. This is what slows one guesser down; the owner at
 *   any other address is not touched by it.
 * - the account from everywhere: 20 free. Beyond that, every address that has failed this
 *   account waits as this counter says after each of its failures, so that a guesser with many
 *   addresses gets about one guess per address per 15 minutes rather than 15 and more. An
 *   address that has not failed this account is not slowed by it: that is how the owner, from
 *   any clean address (the office, the phone), signs in while the account is under attack.
 *   The price: a guesser's every fresh address gets one guess. We know of no way to tell the
 *   owner at a fresh address from a guesser at one without locking the owner out, so the bound
 *   is "one guess per address per delay" rather than a fixed number; IPv6 addresses count per
 *   /64 (see client-address.ts), so fresh addresses cost a guesser real machines.
 * - the address, whatever the account: 30 free, against one address trying one password on
 *   many accounts. Pupils' mistakes never count here: a school shares one address.
 *
 * Pupils (class code + own code). Whoever knows a class code (every pupil of the class does)
 * can guess at its pupils' codes, so the class code is what is guessed against:
 * - the class code from this address: 150 free, so a class of 45 pupils sharing their school's
 *   address can each mistype three times and the next right code still goes straight in. Other
 *   classes at the same address have counters of their own and never notice.
 * - the class code from everywhere: 300 free, then it slows every address that has failed that
 *   class code, as the staff account counter does.
 *
 * How long a guesser needs (codes: packages/domain/src/codes.ts): the alphabet has 31 characters
 * and a pupil's code 6, so 31^6 = 887,503,681 codes; a class of 45 holds 45 of them, and one
 * guess finds one of them with probability 45 / 887,503,681 ≈ 5.1e-8: about 19 million guesses
 * on average (887,503,681 / 46). From one address the first hour allows about 150 + 10 + 3 = 163 guesses
 * (probability of a hit ≈ 8e-6), after that 4 an hour: 96 a day, some 560 years on average.
 * Spread over many addresses, past the class's 300 free, each address gets about 4 guesses an
 * hour: 1,000 addresses would still need some 200 days on average; a teacher who sees that
 * gives the class new codes long before.
 */

export interface Counter {
  key: string;
  /** Failures this counter allows before it delays. */
  free: number;
  /** The counter of the same account from everywhere, whose delay this one also takes on. */
  wide?: Counter;
}

export interface SignInCounters {
  /** The counters that can make this attempt wait. */
  checked: Counter[];
  /** Every counter a failure adds one to (the checked ones and the wide ones). */
  counted: Counter[];
  /** The counter of the account from this address, forgotten when the owner signs in. */
  forgivenOnSuccess: Counter | null;
}

/** Seconds the next attempt waits after a counter's `failures`-th failure. */
export function delaySeconds(failures: number, free: number, delays: { firstDelaySeconds: number; maxDelaySeconds: number }): number {
  if (failures <= free) return 0;
  // 2^30 s is longer than any allowed maximum; the exponent is clamped so it stays a number.
  return Math.min(delays.maxDelaySeconds, delays.firstDelaySeconds * 2 ** Math.min(failures - free - 1, 30));
}

const key = (...parts: string[]) => hashToken(parts.join('\u0000'));

export function staffCounters(email: string, address: string, config: SignInThrottleConfig): SignInCounters {
  const account: Counter = { key: key('staff-account', email), free: config.freePerAccount };
  const accountAddress: Counter = { key: key('staff-account-address', email, address), free: config.freePerAccountAddress, wide: account };
  const fromAddress: Counter = { key: key('staff-address', address), free: config.freePerAddress };
  return { checked: [accountAddress, fromAddress], counted: [accountAddress, account, fromAddress], forgivenOnSuccess: accountAddress };
}

export function pupilCounters(classCode: string, address: string, config: SignInThrottleConfig): SignInCounters {
  const cls: Counter = { key: key('class', classCode), free: config.freePerClass };
  const classAddress: Counter = { key: key('class-address', classCode, address), free: config.freePerClassAddress, wide: cls };
  // A pupil who signs in is no evidence that nobody at the address is guessing (the guesser may
  // be a classmate with a code of their own), so nothing is forgiven, only their own attempt.
  return { checked: [classAddress], counted: [classAddress, cls], forgivenOnSuccess: null };
}
