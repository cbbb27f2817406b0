import { describe, expect, it } from '@jest/globals';
import { throttleAddress } from '../common/client-address';
import { ConfigError, loadConfig } from '../config/config';
import { delaySeconds, pupilCounters, staffCounters } from './sign-in-delays';

describe('sign-in delays', () => {
  it('lets the free failures through, then doubles the wait up to the maximum', () => {
    const defaults = { firstDelaySeconds: 1, maxDelaySeconds: 900 };
    expect([1, 2, 3, 4, 5].map((n) => delaySeconds(n, 5, defaults))).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8, 9, 15, 16, 17, 1000].map((n) => delaySeconds(n, 5, defaults))).toEqual([1, 2, 4, 8, 512, 900, 900, 900]);
    expect([1, 2, 3, 4].map((n) => delaySeconds(n, 0, { firstDelaySeconds: 10, maxDelaySeconds: 60 }))).toEqual([10, 20, 40, 60]);
  });

  it('counts staff per account and address, per account and per address; pupils per class code and address and per class code', () => {
    const config = loadConfig({}).signInThrottle;
    const staff = staffCounters('wang@school.example', '192.0.2.7', config);
    expect(staff.counted).toHaveLength(3);
    expect(new Set(staff.counted.map((c) => c.key)).size).toBe(3);
    expect(staff.checked).toEqual([staff.forgivenOnSuccess, staffCounters('other@school.example', '192.0.2.7', config).checked[1]]);
    expect(staff.checked[0]!.wide).toBe(staff.counted[1]);

    const pupils = pupilCounters('WB4B26', '192.0.2.7', config);
    const nextDoor = pupilCounters('K7M2QX', '192.0.2.7', config);
    expect(pupils.checked.map((c) => c.key)).not.toEqual(nextDoor.checked.map((c) => c.key));
    expect(pupils.counted.some((c) => nextDoor.counted.some((d) => d.key === c.key))).toBe(false);
    // Pupils' failures never count against the address as staff's do.
    expect(pupils.counted.some((c) => staff.counted.some((d) => d.key === c.key))).toBe(false);
    expect(pupils.forgivenOnSuccess).toBeNull();
  });

  it('keeps the defaults a class of 45 mistyping three times fits into', () => {
    const config = loadConfig({}).signInThrottle;
    expect(config.freePerClassAddress).toBeGreaterThanOrEqual(45 * 3);
    expect(config.freePerClass).toBeGreaterThanOrEqual(config.freePerClassAddress);
  });
});

describe('sign-in throttle settings', () => {
  it('reads every setting, and refuses a bad one by name', () => {
    expect(
      loadConfig({
        SIGN_IN_WINDOW_MINUTES: '30',
        SIGN_IN_FIRST_DELAY_SECONDS: '2',
        SIGN_IN_MAX_DELAY_SECONDS: '600',
        SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '3',
        SIGN_IN_FREE_FAILURES_PER_ACCOUNT: '10',
        SIGN_IN_FREE_FAILURES_PER_ADDRESS: '40',
        SIGN_IN_FREE_FAILURES_PER_CLASS_ADDRESS: '200',
        SIGN_IN_FREE_FAILURES_PER_CLASS: '400',
      }).signInThrottle,
    ).toEqual({ windowMinutes: 30, firstDelaySeconds: 2, maxDelaySeconds: 600, freePerAccountAddress: 3, freePerAccount: 10, freePerAddress: 40, freePerClassAddress: 200, freePerClass: 400 });
    expect(() => loadConfig({ SIGN_IN_MAX_DELAY_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ SIGN_IN_FREE_FAILURES_PER_CLASS: 'many' })).toThrow(/SIGN_IN_FREE_FAILURES_PER_CLASS/);
    expect(() => loadConfig({ SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '-1' })).toThrow(/SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS/);
  });
});

describe('throttleAddress', () => {
  it('keeps IPv4, unwraps IPv4 written as IPv6, and counts IPv6 per /64', () => {
    expect(throttleAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(throttleAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(throttleAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(throttleAddress('2001:db8:aa:bb::99')).toBe(throttleAddress('2001:0db8:00aa:00bb:ffff::1'));
    expect(throttleAddress('2001:db8:aa:bc::1')).not.toBe(throttleAddress('2001:db8:aa:bb::1'));
    expect(throttleAddress('unknown')).toBe('unknown');
  });
});
