import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@lmr/domain';
import { SessionService } from '../identity/session.service';
import { readCookie, SESSION_COOKIE } from './cookies';
import { forbidden, unauthenticated } from './errors';
import { IS_PUBLIC } from './public.decorator';
import { requestOf, type AuthRequest } from './request-context';
import { ROLES } from './roles.decorator';
import type { Viewer } from './viewer';

/**
 * The global guard. It fails closed: every GraphQL operation and HTTP route needs a live
 * session unless marked @Public(), and @Roles() narrows who may call it. Per-object checks
 * are the services' job. (Guards do not run on @ResolveField: field resolvers protect
 * themselves.)
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const isGraphQL = context.getType<string>() === 'graphql';
    const { req } = requestOf(context);

    const viewer = req ? await this.viewerOf(req) : null;
    if (isPublic) return true;
    if (!viewer) throw isGraphQL ? unauthenticated() : new UnauthorizedException();
    if (roles && !roles.includes(viewer.role)) {
      throw isGraphQL ? forbidden(`only ${roles.join(', ')} may do this`) : new UnauthorizedException();
    }
    return true;
  }

  private viewerOf(req: AuthRequest): Promise<Viewer | null> {
    req.auth ??= {};
    const auth = req.auth;
    auth.lookup ??= (async () => {
      const token = tokenOf(req);
      auth.viewer = token ? await this.sessions.viewerFor(token) : null;
      return auth.viewer;
    })();
    return auth.lookup;
  }
}

/** The session token: the portal's cookie, or an API client's `Authorization: Bearer`. */
function tokenOf(req: AuthRequest): string | null {
  const authorization = req.headers?.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1]!;
  }
  return readCookie(req.headers?.cookie, SESSION_COOKIE);
}
