import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'lmr:isPublic';

/** Marks an operation that needs no session. Everything else does: the guard fails closed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
