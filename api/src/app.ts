import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppDeps } from './app.module';
import { PinoNestLogger } from './common/logger';
import { withStatementCounter } from './common/sql-count';

/** Paths the portal must never shadow. */
const API_PREFIXES = ['/graphql', '/health', '/files'];

/** Builds the whole product (API, and the built portal when there is one) without listening. */
export async function createApp(deps: AppDeps): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // Each request counts its own SQL statements (logged per GraphQL operation).
  adapter.getInstance().addHook('onRequest', (_request, _reply, done) => withStatementCounter(done));
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

async function servePortal(app: NestFastifyApplication, root: string) {
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      // Vite names built assets by content hash, so they never change under a name.
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Every other GET is a portal route: the single-page app decides what to show.
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      return reply.code(404).send({ message: 'Not Found', statusCode: 404 });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  fastify.get('/', (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
}
