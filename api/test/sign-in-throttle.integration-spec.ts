import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CODE_ALPHABET } from '@lmr/domain';
import { createTestApp, type GraphQLResult, type TestApp } from './test-app';
import { newClass, newMuseum, newPupil, newSchool, newStaff, STAFF_PASSWORD, type ClassMade, type PupilMade } from './factories';

/**
 * Failed sign-ins slow the guesser down instead of locking anyone out (identity/sign-in-delays.ts),
 * behind a proxy (TRUST_PROXY=true): each request comes from the address its last
 * X-Forwarded-For entry names. The settings are the defaults except the first wait, 10 s instead
 * of 1 s, so that a busy test machine never sees a wait run out between two requests; waits are
 * compared allowing for the seconds a busy machine takes between them (`expectOutcomes`).
 */
const FIRST_DELAY = 10;
/** Staff tests check many wrong passwords, and argon2 takes a second each on a busy machine. */
const ARGON_HEAVY = 180_000;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`;
const SIGN_IN_PUPIL = `mutation ($input: PupilSignInInput!) { signInPupil(input: $input) { token } }`;

let addresses = 0;
const newAddress = () => {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
};
/** The first entry is whatever the client claimed; the last is the one our proxy appended. */
const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.250, ${address}` });

/** One attempt's outcome, short enough to compare sequences: signed in, wrong details, or the wait. */
type Outcome = 'IN' | 'WRONG' | `WAIT ${number}`;

function outcomeOf(res: GraphQLResult): Outcome {
  if (res.data && Object.values(res.data)[0]) return 'IN';
  const error = res.errors?.[0];
  if (error?.extensions?.code === 'UNAUTHENTICATED') return 'WRONG';
  if (error?.extensions?.code === 'RATE_LIMITED') {
    const seconds = error.extensions.retryAfterSeconds as number;
    // The same wait in the Retry-After header, and nothing but the code and the wait in the answer.
    expect(res.headers['retry-after']).toBe(String(seconds));
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'retryAfterSeconds']);
    return `WAIT ${seconds}`;
  }
  throw new Error(`unexpected answer: ${JSON.stringify(res.body)}`);
}

/** A code a child might type instead of theirs: one character off, and nobody else's. */
function mistyped(code: string, taken: Set<string>, attempt: number): string {
  for (let shift = attempt + 1; ; shift++) {
    const i = shift % code.length;
    const c = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[i]!) + shift) % CODE_ALPHABET.length]!;
    const typed = code.slice(0, i) + c + code.slice(i + 1);
    if (typed !== code && !taken.has(typed)) return typed;
  }
}

/** The i-th of many different guesses at a code: i written in the code alphabet, skipping real codes. */
function guess(i: number, taken: Set<string>): string {
  for (let n = i; ; n += 1_000_000) {
    let code = '';
    for (let k = 0, rest = n; k < 6; k++, rest = Math.floor(rest / CODE_ALPHABET.length)) code += CODE_ALPHABET[rest % CODE_ALPHABET.length];
    if (!taken.has(code)) return code;
  }
}

/** The wait after a counter's n-th failure (FIRST_DELAY doubling, at most 900 s). */
const waitAfter = (n: number, free: number): Outcome => `WAIT ${Math.min(900, FIRST_DELAY * 2 ** (n - free - 1))}`;
const waitOf = (o: Outcome | undefined) => (o?.startsWith('WAIT ') ? Number(o.slice(5)) : null);

/** Outcomes as expected, where a wait may be up to three seconds shorter: time passed since it was set. */
function expectOutcomes(actual: Outcome[], expected: Outcome[]) {
  const seen = actual.map((a, i) => {
    const [got, wanted] = [waitOf(a), waitOf(expected[i])];
    return got !== null && wanted !== null && got <= wanted && got >= wanted - 3 ? expected[i]! : a;
  });
  expect(seen).toEqual(expected);
}
const expectOutcome = (actual: Outcome, expected: Outcome) => expectOutcomes([actual], [expected]);

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

const count = (outcomes: Outcome[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.startsWith('WAIT') ? 'WAIT' : o]: (acc[o.startsWith('WAIT') ? 'WAIT' : o] ?? 0) + 1 }), {});

describe('sign-in throttling without lockout', () => {
  let t: TestApp;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', SIGN_IN_FIRST_DELAY_SECONDS: String(FIRST_DELAY) });
    schoolId = (await newSchool(t, { museumId: (await newMuseum(t)).id })).id;
  });
  afterAll(async () => t.close());

  const staff = async (email: string, password: string, address: string) =>
    outcomeOf(await t.gql(SIGN_IN, { input: { email, password } }, { headers: from(address) }));
  const pupil = async (p: { classCode: string; code: string }, address: string) =>
    outcomeOf(await t.gql(SIGN_IN_PUPIL, { input: { classCode: p.classCode, pupilCode: p.code } }, { headers: from(address) }));
  /** Time passes (moved in the database): every delay has run out, no failure is forgotten. */
  const letDelaysPass = () => t.dataSource.query(`UPDATE sign_in_failure_count SET blocked_until = LEAST(blocked_until, now())`);

  it('delays the address that guesses, with growing waits, while the owner signs in from a clean address', async () => {
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const guesser = newAddress();
    const tries: Outcome[] = [];
    for (let i = 0; i < 7; i++) tries.push(await staff(teacher.email, `guess-${i}-password`, guesser));
    // Five free, the sixth is checked and sets the first wait, the seventh waits.
    expectOutcomes(tries, ['WRONG', 'WRONG', 'WRONG', 'WRONG', 'WRONG', 'WRONG', 'WAIT 10']);
    // While it waits even the right password is not looked at from there …
    expectOutcome(await staff(teacher.email, STAFF_PASSWORD, guesser), 'WAIT 10');
    // … but the owner, from anywhere else, gets straight in.
    expect(await staff(teacher.email, STAFF_PASSWORD, newAddress())).toBe('IN');

    // Each further failure doubles the wait.
    const waits: Outcome[] = [];
    for (let i = 0; i < 5; i++) {
      await letDelaysPass();
      expect(await staff(teacher.email, `more-${i}-password`, guesser)).toBe('WRONG');
      waits.push(await staff(teacher.email, `more-${i}-password`, guesser));
    }
    expectOutcomes(waits, ['WAIT 20', 'WAIT 40', 'WAIT 80', 'WAIT 160', 'WAIT 320']);

    // Once its wait is over, the right password works from the guessing address too, and forgives it.
    await letDelaysPass();
    expect(await staff(teacher.email, STAFF_PASSWORD, guesser)).toBe('IN');
    expect(await staff(teacher.email, 'one-more-typo', guesser)).toBe('WRONG');
    expect(await staff(teacher.email, STAFF_PASSWORD, guesser)).toBe('IN');
  }, ARGON_HEAVY);

  it('never grows a wait past the maximum, and forgets failures a window after the last wait', async () => {
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const guesser = newAddress();
    // The thirteenth failure is the eighth past the five free: 10 s × 2^7, more than the maximum.
    for (let i = 0; i < 14; i++) {
      await letDelaysPass();
      await staff(teacher.email, `guess-${i}-password`, guesser);
    }
    expectOutcome(await staff(teacher.email, STAFF_PASSWORD, guesser), 'WAIT 900');
    // Fifteen minutes of wait and then the fifteen-minute window, with no failure: all forgotten.
    await t.dataSource.query(`UPDATE sign_in_failure_count SET blocked_until = now() - interval '15 minutes 1 second'`);
    const tries: Outcome[] = [];
    for (let i = 0; i < 6; i++) tries.push(await staff(teacher.email, `again-${i}-password`, guesser));
    expect(tries).toEqual(['WRONG', 'WRONG', 'WRONG', 'WRONG', 'WRONG', 'WRONG']);
  }, ARGON_HEAVY);

  it('answers an unknown email exactly as a known one, waits included', async () => {
    type Seen = { status: number; retryAfter: string | string[] | null; body: GraphQLResult['body'] };
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const answers = async (email: string) => {
      const address = newAddress();
      const seen: Seen[] = [];
      for (let i = 0; i < 8; i++) {
        if (i === 7) await letDelaysPass();
        const res = await t.gql(SIGN_IN, { input: { email, password: `guess-${i}-password` } }, { headers: from(address) });
        seen.push({ status: res.status, retryAfter: res.headers['retry-after'] ?? null, body: res.body });
      }
      return seen;
    };
    // The same answers, waits alike up to the seconds that passed between them.
    const [known, unknown] = [await answers(teacher.email), await answers('nobody-here@test.example')];
    const waits = (seen: Seen[]) => seen.map((a) => a.retryAfter);
    const withoutWaits = (seen: Seen[]) => JSON.parse(JSON.stringify(seen).replace(/"retryAfterSeconds":\d+/g, '"retryAfterSeconds":"?"').replace(/"retryAfter":"\d+"/g, '"retryAfter":"?"'));
    expect(withoutWaits(unknown)).toEqual(withoutWaits(known));
    waits(known).forEach((wait, i) => expect(Math.abs(Number(wait ?? 0) - Number(waits(unknown)[i] ?? 0))).toBeLessThanOrEqual(2));
    expect(known.map((a) => a.body.errors[0].extensions.code)).toEqual([...Array(6).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'UNAUTHENTICATED']);
  }, ARGON_HEAVY);

  it('lets concurrent guesses through no faster than one after another', async () => {
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const guesser = newAddress();
    for (let i = 0; i < 5; i++) expect(await staff(teacher.email, `guess-${i}-password`, guesser)).toBe('WRONG');
    // Ten at once where one more is free of waiting: exactly one is checked, the rest wait.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => staff(teacher.email, `burst-${i}-password`, guesser)));
    expect(count(burst)).toEqual({ WRONG: 1, WAIT: 9 });
  }, ARGON_HEAVY);

  it('slows guessing spread over many addresses, past 20 failures of the account, without stopping the owner', async () => {
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const spread = Array.from({ length: 20 }, () => newAddress());
    for (const address of spread) expect(await staff(teacher.email, 'spread-password-1', address)).toBe('WRONG');
    // Every address that guesses from now on waits after its first failure, fresh ones too …
    const fresh = newAddress();
    expect(await staff(teacher.email, 'spread-password-2', fresh)).toBe('WRONG');
    expectOutcome(await staff(teacher.email, 'spread-password-3', fresh), 'WAIT 10');
    expect(await staff(teacher.email, 'spread-password-2', spread[0]!)).toBe('WRONG');
    expectOutcome(await staff(teacher.email, 'spread-password-3', spread[0]!), 'WAIT 20');
    // … and the waits grow with the account's failures, not with the address's own few.
    await letDelaysPass();
    expect(await staff(teacher.email, 'spread-password-4', spread[1]!)).toBe('WRONG');
    expectOutcome(await staff(teacher.email, 'spread-password-5', spread[1]!), 'WAIT 40');
    // The owner from an address that has not guessed gets in, and that forgives the guessers nothing.
    expect(await staff(teacher.email, STAFF_PASSWORD, newAddress())).toBe('IN');
    expect(await staff(teacher.email, 'spread-password-6', spread[2]!)).toBe('WRONG');
    expectOutcome(await staff(teacher.email, 'spread-password-7', spread[2]!), 'WAIT 80');
  }, ARGON_HEAVY);

  it('slows one address trying many accounts, without touching pupils there or staff elsewhere', async () => {
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId });
    const child = await newPupil(t, await newClass(t, { schoolId }));
    const sprayer = newAddress();
    for (let i = 0; i < 31; i++) expect(await staff(`nobody-${i}@spray.example`, 'Password123', sprayer)).toBe('WRONG');
    expectOutcome(await staff(teacher.email, STAFF_PASSWORD, sprayer), 'WAIT 10');
    expect(await staff(teacher.email, STAFF_PASSWORD, newAddress())).toBe('IN');
    expect(await pupil(child, sprayer)).toBe('IN');
  }, ARGON_HEAVY);

  describe('pupils, who share their school’s address', () => {
    const newClassOf = async (size: number): Promise<{ cls: ClassMade; pupils: PupilMade[] }> => {
      const cls = await newClass(t, { schoolId });
      const pupils: PupilMade[] = [];
      for (let i = 0; i < size; i++) pupils.push(await newPupil(t, cls));
      return { cls, pupils };
    };

    it('lets a class of 30 mistype three times each without blocking the class next door or their own right codes', async () => {
      const school = newAddress();
      const [mistyping, nextDoor] = [await newClassOf(30), await newClassOf(30)];
      const taken = new Set(mistyping.pupils.map((p) => p.code));
      const typos = mistyping.pupils.flatMap((p) => [0, 1, 2].map((attempt) => ({ classCode: p.classCode, code: mistyped(p.code, taken, attempt) })));
      // The whole class at once, a few tablets at a time.
      const wrong = await inBatches(typos, 6, (typo) => pupil(typo, school));
      expect(count(wrong)).toEqual({ WRONG: 90 });
      expect(count(await inBatches(mistyping.pupils, 6, (p) => pupil(p, school)))).toEqual({ IN: 30 });
      expect(count(await inBatches(nextDoor.pupils, 6, (p) => pupil(p, school)))).toEqual({ IN: 30 });
    });

    it('stops a burst of guesses against one class code from one address, while its pupils sign in elsewhere', async () => {
      const guesser = newAddress();
      const { cls, pupils } = await newClassOf(3);
      const other = await newClassOf(1);
      const taken = new Set(pupils.map((p) => p.code));
      const guesses = Array.from({ length: 300 }, (_, i) => ({ classCode: cls.classCode, code: guess(i, taken) }));
      // Sent as fast as the connections allow: 150 free, one more checked, and the rest wait. (A
      // very slow machine might see the first wait run out while the burst still goes on: one
      // more guess checked.)
      const burst = count(await inBatches(guesses, 10, (g) => pupil(g, guesser)));
      expect(burst.WRONG! + burst.WAIT!).toBe(300);
      expect(burst.WRONG).toBeGreaterThanOrEqual(151);
      expect(burst.WRONG).toBeLessThanOrEqual(152);
      expect(await pupil(pupils[0]!, guesser)).toMatch(/^WAIT/);
      expect(await pupil(pupils[0]!, newAddress())).toBe('IN');
      // Other classes at the guessing address are not slowed.
      expect(await pupil(other.pupils[0]!, guesser)).toBe('IN');
      // The waits double to fifteen minutes within eight more guesses.
      const waits: Outcome[] = [];
      const expected: Outcome[] = [];
      for (let i = 1; i <= 9; i++) {
        await letDelaysPass();
        expect(await pupil({ classCode: cls.classCode, code: guess(1000 + i, taken) }, guesser)).toBe('WRONG');
        waits.push(await pupil(pupils[0]!, guesser));
        expected.push(waitAfter(burst.WRONG! + i, 150));
      }
      expectOutcomes(waits, expected);
      expect(expected.slice(-2)).toEqual(['WAIT 900', 'WAIT 900']);
    });

    it('slows guessing at one class code spread over many addresses, but not its pupils at a clean address', async () => {
      const { cls, pupils } = await newClassOf(2);
      const taken = new Set(pupils.map((p) => p.code));
      const guessers = [newAddress(), newAddress(), newAddress()];
      const guesses = Array.from({ length: 300 }, (_, i) => ({ address: guessers[i % 3]!, classCode: cls.classCode, code: guess(i, taken) }));
      // 100 from each of three addresses: under each address's 150, and 300 for the class: all free.
      expect(count(await inBatches(guesses, 10, (g) => pupil(g, g.address)))).toEqual({ WRONG: 300 });
      // From now on any address waits after its first wrong code for this class …
      const fresh = newAddress();
      expect(await pupil({ classCode: cls.classCode, code: guess(301, taken) }, fresh)).toBe('WRONG');
      expectOutcome(await pupil({ classCode: cls.classCode, code: guess(302, taken) }, fresh), 'WAIT 10');
      expect(await pupil({ classCode: cls.classCode, code: guess(303, taken) }, guessers[0]!)).toBe('WRONG');
      expectOutcome(await pupil(pupils[1]!, guessers[0]!), 'WAIT 20');
      // … while a pupil at an address that has not guessed goes straight in.
      expect(await pupil(pupils[1]!, newAddress())).toBe('IN');
    });
  });
});
