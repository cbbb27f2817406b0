import type { Viewer } from '../common/viewer';
import { SessionCache } from './session-cache';

const viewer = (sessionId: string): Viewer => ({ id: `user-${sessionId}`, role: 'TEACHER', schoolId: 'school', museumId: 'museum', sessionId });

describe('SessionCache', () => {
  let now = 1_000_000;
  const clock = () => now;
  const inAnHour = () => new Date(now + 3_600_000);

  it('answers with a session it checked within the window, and not after', () => {
    const cache = new SessionCache(2000, clock);
    cache.set('a', viewer('s1'), inAnHour(), cache.mark());
    now += 1999;
    expect(cache.get('a')?.sessionId).toBe('s1');
    now += 1;
    expect(cache.get('a')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('never answers with a session past its own expiry', () => {
    const cache = new SessionCache(60_000, clock);
    cache.set('a', viewer('s1'), new Date(now + 500), cache.mark());
    now += 499;
    expect(cache.get('a')).not.toBeNull();
    now += 1;
    expect(cache.get('a')).toBeNull();
  });

  it('forgets ended sessions, and only those', () => {
    const cache = new SessionCache(60_000, clock);
    cache.set('a', viewer('s1'), inAnHour(), cache.mark());
    cache.set('b', viewer('s2'), inAnHour(), cache.mark());
    cache.forget(['s1', 'unknown']);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')?.sessionId).toBe('s2');
  });

  it('keeps nothing from a lookup that was on its way while a session ended', () => {
    const cache = new SessionCache(60_000, clock);
    const mark = cache.mark();
    cache.forget(['s1']);
    cache.set('a', viewer('s1'), inAnHour(), mark);
    expect(cache.get('a')).toBeNull();
    // A lookup that starts after the end is kept.
    cache.set('a', viewer('s1'), inAnHour(), cache.mark());
    expect(cache.get('a')).not.toBeNull();
  });

  it('keeps nothing when switched off', () => {
    const cache = new SessionCache(0, clock);
    cache.set('a', viewer('s1'), inAnHour(), cache.mark());
    expect(cache.get('a')).toBeNull();
  });

  it('holds at most ten thousand sessions, dropping the longest-remembered first', () => {
    const cache = new SessionCache(60_000, clock);
    for (let i = 0; i <= 10_000; i += 1) cache.set(`t${i}`, viewer(`s${i}`), inAnHour(), cache.mark());
    expect(cache.size).toBe(10_000);
    expect(cache.get('t0')).toBeNull();
    expect(cache.get('t1')).not.toBeNull();
    expect(cache.get('t10000')).not.toBeNull();
  });
});
