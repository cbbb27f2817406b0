import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * What the HTTP file endpoints answer when they refuse: a status and a JSON body with a code
 * the portal translates (codes from @lmr/domain's ErrorCode). The body carries nothing else a
 * caller could learn from: a file one may not read answers exactly like one that does not exist.
 */
export type FileErrorCode = 'NOT_FOUND' | 'UNAUTHENTICATED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';

const STATUS: Record<FileErrorCode, HttpStatus> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  // A missing, unknown, used or expired upload ticket: the portal asks for a new one.
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

export class FileHttpError extends HttpException {
  constructor(
    readonly code: FileErrorCode,
    extra: Record<string, unknown> = {},
  ) {
    super({ code, ...extra }, STATUS[code]);
  }
}

export const fileNotFound = () => new FileHttpError('NOT_FOUND');
