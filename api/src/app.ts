import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppDeps } from './app.module';
import { PinoNestLogger } from './common/logger';
import { addSecurityHeaders } from './common/security-headers';

/** Paths the portal must never shadow (a built file missing under /assets is a 404, not the page). */
const API_PREFIXES = ['/graphql', '/health', '/files', '/assets'];

/** Builds the whole product (API, and the built portal when there is one) without listening. */
export async function createApp(deps: AppDeps): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // Fastify refuses some requests itself (broken JSON, too large, an unknown content type)
  // before GraphQL sees them: give those answers the same typed shape as every GraphQL error.
  adapter.getInstance().addHook('onSend', async (request, reply, payload) => typedGraphQLRefusal(request.url, reply.statusCode, payload));
  // On the root instance before any route exists, so every answer carries them.
  addSecurityHeaders(adapter.getInstance(), deps.config);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(deps), adapter, {
    logger: new PinoNestLogger(deps.logger),
    bufferLogs: false,
    // Let start-up errors reach main(), which reports them in one line.
    abortOnError: false,
  });
  const webDist = deps.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await servePortal(app, webDist);
  }
  await app.init();
  return app;
}

const REFUSAL_CODES: Record<number, string> = { 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

function typedGraphQLRefusal(url: string, status: number, payload: unknown): unknown {
  if (status < 400 || typeof payload !== 'string' || !(url === '/graphql' || url.startsWith('/graphql?'))) return payload;
  let body: { statusCode?: unknown; message?: unknown; errors?: unknown } | null;
  try {
    body = JSON.parse(payload) as typeof body;
  } catch {
    return payload;
  }
  if (!body || typeof body !== 'object' || 'errors' in body || typeof body.statusCode !== 'number') return payload;
  const code = REFUSAL_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
  const message = status >= 500 ? 'Something went wrong on our side.' : String(body.message ?? 'bad request');
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Vite names what it builds under assets/ by content hash: such a name never changes content. */
const HASHED = /[\\/]assets[\\/][^\\/]+$/;

async function servePortal(app: NestFastifyApplication, root: string) {
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes a .br and a .gz beside each text file (web/vite.config.ts): the smallest
    // one the browser accepts is sent as it lies on disk, with no compression work per request.
    preCompressed: true,
    // Off, so that `send` does not write its own `public, max-age=0` over setHeaders' value.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The same address answers differently by Accept-Encoding: caches must keep them apart.
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  // Every other GET is a portal route: the single-page app decides what to show.
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      return reply.code(404).send({ message: 'Not Found', statusCode: 404 });
    }
    return reply.sendFile('index.html');
  });
  fastify.get('/', (_request, reply) => reply.sendFile('index.html'));
}
