import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './errors';
import { requestOf } from './request-context';
import type { Viewer } from './viewer';

/** The signed-in viewer the guard found. Throws on a public operation called anonymously. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer = requestOf(context).req?.auth?.viewer;
  if (!viewer) throw unauthenticated();
  return viewer;
});
