/** Staff password policy: long enough, and not one of the passwords people pick first. */
export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes anything, but a megabyte "password" is a denial-of-service attempt. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Passwords of ten or more characters that appear near the top of every leaked-password
 * list, plus the obvious ones for this programme. Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'a123456789',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'asdfghjkl;',
  'zxcvbnm123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou123',
  'abcdefghij',
  'abc1234567',
  'abcd123456',
  'aaaaaaaaaa',
  '1111111111',
  '0000000000',
  '9876543210',
  'welcome123',
  'welcome1234',
  'letmein123',
  'sunshine123',
  'football123',
  'baseball123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'changeme123',
  'administrator',
  'admin12345',
  'admin123456',
  'teacher123',
  'teacher1234',
  'school1234',
  'museum1234',
  'museum123456',
  'woaini1314',
  'woaini520',
  '5201314520',
  'qazwsxedc123',
  'trustno1234',
  'superman123',
]);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON';

/** Null when the password may be used; otherwise what is wrong with it. */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (password.length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return 'TOO_COMMON';
  // One character repeated, or a run such as "abcdefghij" or "0987654321", is as weak as a listed one.
  if (new Set(lowered).size <= 2) return 'TOO_COMMON';
  if (isRun(lowered)) return 'TOO_COMMON';
  return null;
}

function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  return codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}
