/**
 * Sign-in codes children type or read off a card: letters and digits that cannot be confused
 * (no 0/O, no 1/I/L), upper case, a fixed length.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CLASS_CODE_LENGTH = 6;
export const PUPIL_CODE_LENGTH = 6;

/** What a child typed, as the code it must be: trimmed, spaces and dashes dropped, upper case. */
export function normalizeCode(typed: string): string {
  return typed.trim().replace(/[\s-]+/g, '').toUpperCase();
}

/** True when the text could be a code of that length (after normalizeCode). */
export function isCodeShape(code: string, length: number): boolean {
  if (code.length !== length) return false;
  return [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** A new code; `randomIndex(n)` must return a uniformly random whole number below n. */
export function newCode(length: number, randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)]!;
  return code;
}

/** Where a printed sign-in card's QR code points: the portal's pupil sign-in page, filled in. */
export function pupilSignInPath(classCode: string, pupilCode: string): string {
  return `/pupil-sign-in?class=${encodeURIComponent(classCode)}&code=${encodeURIComponent(pupilCode)}`;
}
