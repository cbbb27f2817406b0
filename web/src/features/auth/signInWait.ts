import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useState } from 'react';
import type { Language } from '../../app/i18n';
import { pluralCategory } from '../../app/i18n/format';

/**
 * How long the API asks a sign-in to wait after too many wrong tries (RATE_LIMITED with
 * `retryAfterSeconds`), or null when it did not say (a proxy's 429, an older API).
 */
export function retryAfterSecondsOf(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    const seconds = (item.extensions as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  }
  return null;
}

export type WaitKey = 'wait.seconds.one' | 'wait.seconds.other' | 'wait.minutes.one' | 'wait.minutes.other';

/** The wait as a child reads it: seconds under a minute, whole minutes (rounded up) beyond. */
export function waitWords(seconds: number, language: Language): { key: WaitKey; count: number } {
  const [unit, count] = seconds < 60 ? (['seconds', seconds] as const) : (['minutes', Math.ceil(seconds / 60)] as const);
  return { key: `wait.${unit}.${pluralCategory(count, language) === 'one' ? 'one' : 'other'}`, count };
}

/**
 * While the API asks for a wait, the form keeps its button off (pressing it again would only be
 * refused), and when the wait is over `onOver` runs, so the page can take its message away.
 */
export function useSignInWait(onOver: () => void) {
  // An object, so that a second wait of the same length starts its own timer.
  const [wait, setWait] = useState<{ seconds: number } | null>(null);
  useEffect(() => {
    if (!wait) return;
    const timer = setTimeout(() => {
      setWait(null);
      onOver();
    }, wait.seconds * 1000);
    return () => clearTimeout(timer);
    // Only a new wait restarts the timer: onOver is a new function at every render.
  }, [wait]);
  return { waiting: wait !== null, startWait: (seconds: number) => setWait({ seconds }) };
}
