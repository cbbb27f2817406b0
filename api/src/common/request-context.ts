import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from './viewer';

/** What the guard leaves on the request for the resolvers of the same operation. */
export interface AuthState {
  viewer?: Viewer | null;
  /** Resolved once per request: a query with three top-level fields looks the session up once. */
  lookup?: Promise<Viewer | null>;
}

export type AuthRequest = FastifyRequest & { auth?: AuthState };

/** The GraphQL context: app.module.ts builds it from what the Fastify integration passes. */
export interface GraphQLContext {
  req: AuthRequest;
  reply: FastifyReply | undefined;
}

export function requestOf(context: ExecutionContext): { req: AuthRequest | undefined; reply: FastifyReply | undefined } {
  if (context.getType<string>() === 'graphql') {
    const ctx = GqlExecutionContext.create(context).getContext<Partial<GraphQLContext>>();
    return { req: ctx.req, reply: ctx.reply };
  }
  const http = context.switchToHttp();
  return { req: http.getRequest<AuthRequest>(), reply: http.getResponse<FastifyReply>() };
}
