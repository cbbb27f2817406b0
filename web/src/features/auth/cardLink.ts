import { CLASS_CODE_LENGTH, isCodeShape, normalizeCode, PUPIL_CODE_LENGTH } from '@lmr/domain';

export interface CardCodes {
  classCode: string;
  pupilCode: string;
}

/**
 * The codes in a sign-in card's QR link (`…/pupil-sign-in?class=…&code=…`, see
 * pupilSignInPath in @lmr/domain). Any host is accepted: cards printed on a test server
 * still carry the right codes. Null for any other QR code.
 */
export function readCardLink(text: string): CardCodes | null {
  let url: URL;
  try {
    url = new URL(text.trim(), 'https://card.invalid');
  } catch {
    return null;
  }
  if (!url.pathname.endsWith('/pupil-sign-in')) return null;
  const classCode = normalizeCode(url.searchParams.get('class') ?? '');
  const pupilCode = normalizeCode(url.searchParams.get('code') ?? '');
  if (!isCodeShape(classCode, CLASS_CODE_LENGTH) || !isCodeShape(pupilCode, PUPIL_CODE_LENGTH)) return null;
  return { classCode, pupilCode };
}
