import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../common/access.service';
import { APP_CONFIG } from '../common/app-config.module';
import type { AppConfig } from '../config/config';
import { delaySeconds, type Counter, type SignInCounters } from './sign-in-delays';

/** What an attempt wrote when it was let through, so that a success can take it back. */
export interface SignInClaim {
  counters: SignInCounters;
  /** Per counted key: the failures the claim left, the wait it set, and the moment the counter was blocked until before it. */
  written: Map<string, { failures: number; delaySeconds: number; previousBlockedUntil: string }>;
}

export type ClaimResult = { allowed: true; claim: SignInClaim } | { allowed: false; retryAfterSeconds: number };

/**
 * The sign-in failure counters, in PostgreSQL so that every API process counts together.
 *
 * An attempt is counted as a failure *before* its details are checked, in one short transaction
 * that locks its counters: concurrent guesses queue on those rows, and each one sees the
 * failures of all that went before, those still being checked included, so a burst sent at
 * once cannot slip past a delay. An attempt that then succeeds takes its failure back. (Holding
 * the rows while the password is verified would be simpler, but on the embedded database a
 * transaction holds its one connection, and argon2 takes tens of milliseconds.)
 */
@Injectable()
export class SignInFailures {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async claim(counters: SignInCounters): Promise<ClaimResult> {
    const { windowMinutes } = this.config.signInThrottle;
    const keys = [...new Set(counters.counted.map((c) => c.key))].sort();
    const result = await this.dataSource.transaction(async (tx): Promise<ClaimResult> => {
      // Creates missing counters and locks them all, in key order (so two attempts never wait on each
      // other). The clock is read after the locks are held, not when the transaction began: an
      // attempt that queued behind another must not see that one's "now" as still to come.
      const rows: { key: string; failures: number; wait_seconds: number; expired: boolean; blocked_until: string }[] = await tx.query(
        `INSERT INTO sign_in_failure_count (key) SELECT k FROM unnest($1::text[]) AS k ORDER BY k
         ON CONFLICT (key) DO UPDATE SET failures = sign_in_failure_count.failures
         RETURNING key, failures, blocked_until::text AS blocked_until,
                   GREATEST(0, ceil(extract(epoch FROM blocked_until - clock_timestamp())))::int AS wait_seconds,
                   blocked_until + make_interval(mins => $2) < clock_timestamp() AS expired`,
        [keys, windowMinutes],
      );
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const wait = Math.max(0, ...counters.checked.map((c) => byKey.get(c.key)!.wait_seconds));
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait };

      const failures = new Map(rows.map((r) => [r.key, (r.expired ? 0 : r.failures) + 1]));
      const delayOf = (c: Counter): number => {
        const own = delaySeconds(failures.get(c.key)!, c.free, this.config.signInThrottle);
        return c.wide ? Math.max(own, delaySeconds(failures.get(c.wide.key)!, c.wide.free, this.config.signInThrottle)) : own;
      };
      const counted = new Map(counters.counted.map((c) => [c.key, c]));
      const delays = new Map(keys.map((k) => [k, delayOf(counted.get(k)!)]));
      await tx.query(
        `UPDATE sign_in_failure_count c SET failures = u.failures, blocked_until = clock_timestamp() + make_interval(secs => u.delay)
           FROM unnest($1::text[], $2::int[], $3::int[]) AS u(key, failures, delay) WHERE c.key = u.key`,
        [keys, keys.map((k) => failures.get(k)!), keys.map((k) => delays.get(k)!)],
      );
      const written = new Map(keys.map((k) => [k, { failures: failures.get(k)!, delaySeconds: delays.get(k)!, previousBlockedUntil: byKey.get(k)!.blocked_until }]));
      return { allowed: true, claim: { counters, written } };
    });
    // Counters a whole window past their last delay count for nothing; now and then sweep them away.
    if (Math.random() < 0.05) {
      await this.dataSource.query(`DELETE FROM sign_in_failure_count WHERE blocked_until < now() - make_interval(mins => $1)`, [windowMinutes]);
    }
    return result;
  }

  /**
   * The details were wrong: the failure stays counted, and its wait starts again from now, so
   * that the time the check took (argon2: up to a second on a busy machine) does not shorten it.
   */
  async failed(claim: SignInClaim): Promise<void> {
    const keys = [...claim.written.keys()].filter((k) => claim.written.get(k)!.delaySeconds > 0);
    if (keys.length === 0) return;
    await this.dataSource.transaction(async (tx) => {
      await lockInKeyOrder(tx, keys);
      await tx.query(
        `UPDATE sign_in_failure_count c SET blocked_until = GREATEST(c.blocked_until, clock_timestamp() + make_interval(secs => u.delay))
           FROM unnest($1::text[], $2::int[]) AS u(key, delay) WHERE c.key = u.key`,
        [keys, keys.map((k) => claim.written.get(k)!.delaySeconds)],
      );
    });
  }

  /**
   * The details were right: the attempt was no failure after all. Its counts are taken back
   * (and the delay it set, unless another attempt has counted since), and the owner's own
   * counter at this address is forgotten.
   */
  async succeeded(tx: Queryable, claim: SignInClaim): Promise<void> {
    const forgiven = claim.counters.forgivenOnSuccess?.key;
    const keys = [...claim.written.keys()].filter((k) => k !== forgiven);
    await lockInKeyOrder(tx, [...claim.written.keys()]);
    await tx.query(
      `UPDATE sign_in_failure_count c
          SET blocked_until = CASE WHEN c.failures = u.failures THEN u.previous ELSE c.blocked_until END,
              failures = GREATEST(c.failures - 1, 0)
         FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS u(key, failures, previous) WHERE c.key = u.key`,
      [keys, keys.map((k) => claim.written.get(k)!.failures), keys.map((k) => claim.written.get(k)!.previousBlockedUntil)],
    );
    if (forgiven) await tx.query(`DELETE FROM sign_in_failure_count WHERE key = $1`, [forgiven]);
  }
}

/**
 * Locks counters in the order claims lock them (an UPDATE takes its rows in whatever order the
 * plan visits them), so that taking a failure back or restarting its wait never deadlocks with
 * a concurrent claim on the same counters.
 */
async function lockInKeyOrder(tx: Queryable, keys: string[]): Promise<void> {
  await tx.query(`SELECT 1 FROM sign_in_failure_count WHERE key = ANY ($1::text[]) ORDER BY key FOR UPDATE`, [keys]);
}
