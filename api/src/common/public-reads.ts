import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
  PersistedQueryOptions,
} from '@apollo/server' with { 'resolution-mode': 'import' };
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { AuthRequest } from './request-context';

/**
 * Public reads a shared cache can hold.
 *
 * The portal's GraphQL documents are hashed at build time (codegen's `persistedDocuments`,
 * web/src/gql/persisted-documents.json). A GET to /graphql in Apollo's persisted-query form
 * (`?operationName=…&variables=…&extensions={"persistedQuery":{"version":1,"sha256Hash":"…"}}`)
 * runs one of those documents by its hash, and only when it is a query whose every root field
 * is a public read (PUBLIC_READ_FIELDS): the public exhibition and the public collection. Such a
 * GET is answered for nobody in particular (the session cookie and Bearer token are ignored),
 * so the same bytes go to everyone and a shared cache may keep them for PUBLIC_MAX_AGE_S.
 * Everything else (every POST, every other operation, every error) is `private, no-store`.
 */

/** Root fields that read only what the museum publishes; each is @Public() in its resolver. */
export const PUBLIC_READ_FIELDS: ReadonlySet<string> = new Set([
  'exhibitionSeasons',
  'exhibition',
  'exhibitionWork',
  'collectionObjects',
  'collectionObject',
  '__typename',
]);

/**
 * How long a shared cache (or a browser) may answer from its copy without asking again, and
 * how long after that it may still answer once while it asks. A work whose consent is withdrawn
 * leaves the API's own answers at once; a cache in front may show it for at most the sum (2 min).
 */
export const PUBLIC_MAX_AGE_S = 60;
export const PUBLIC_STALE_WHILE_REVALIDATE_S = 60;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_S}, stale-while-revalidate=${PUBLIC_STALE_WHILE_REVALIDATE_S}`;
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Where codegen writes the manifest, from the API's folder (npm -w, Docker) or the repository root. */
const MANIFEST = 'web/src/gql/persisted-documents.json';
export const PERSISTED_DOCUMENTS_PATH = [join(process.cwd(), '..', MANIFEST), join(process.cwd(), MANIFEST)].find(existsSync) ?? join(process.cwd(), '..', MANIFEST);

/** A persisted-query id: sha256 as 64 lower-case hex digits, as Apollo Client sends it. */
const HASH = /^[0-9a-f]{64}$/;

/**
 * The manifest as Apollo's persisted-query store: `get` answers from the portal's own documents,
 * `set` keeps nothing, so a client cannot register a query of its own (automatic persisted
 * queries would let anyone add one). A missing manifest only means GET finds nothing.
 */
export function persistedDocuments(logger: Logger, path = PERSISTED_DOCUMENTS_PATH): PersistedQueryOptions {
  const documents = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    for (const [key, document] of Object.entries(manifest)) {
      const hash = key.replace(/^sha256:/, '');
      if (HASH.test(hash) && typeof document === 'string') documents.set(hash, document);
    }
  } catch (err) {
    logger.warn({ path, err: (err as Error).message }, 'no persisted documents: public reads by GET will answer PERSISTED_QUERY_NOT_FOUND');
  }
  return {
    cache: {
      // Apollo prefixes the keys of the store it is given (`apq:<hash>`).
      get: async (key: string) => documents.get(key.slice(key.lastIndexOf(':') + 1)),
      set: async () => undefined,
      delete: async () => false,
    },
    // Nothing is stored, so nothing expires.
    ttl: null,
  };
}

/** Whether this HTTP request is a GET to /graphql (the WebSocket upgrade aside). */
function isGraphQLGet(request: FastifyRequest): boolean {
  return request.method === 'GET' && (request.url === '/graphql' || request.url.startsWith('/graphql?')) && !request.headers.upgrade;
}

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply
    .code(status)
    .header('cache-control', PRIVATE_CACHE_CONTROL)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}

interface GetExtensions {
  persistedQuery?: { sha256Hash?: unknown };
}

/**
 * Before Apollo sees a GET: it must name a persisted document by a well-formed id and carry no
 * query text of its own; it runs for nobody (the session is set aside here, before the guard
 * could look it up); and until Apollo says otherwise its answer is private.
 */
async function onGraphQLGet(request: FastifyRequest, reply: FastifyReply) {
  if (!isGraphQLGet(request)) return;
  reply.header('cache-control', PRIVATE_CACHE_CONTROL);
  const params = (request.query ?? {}) as Record<string, unknown>;
  if (params.query !== undefined) {
    return refuse(reply, 400, 'GET runs only the portal\'s persisted public reads, by id; send other operations by POST');
  }
  let extensions: GetExtensions | null = null;
  try {
    extensions = typeof params.extensions === 'string' ? (JSON.parse(params.extensions) as GetExtensions | null) : null;
  } catch {
    return refuse(reply, 400, 'The extensions search parameter contains invalid JSON.');
  }
  const hash = extensions?.persistedQuery?.sha256Hash;
  if (hash === undefined) {
    return refuse(reply, 400, 'GET runs only the portal\'s persisted public reads: give extensions.persistedQuery.sha256Hash');
  }
  if (typeof hash !== 'string' || !HASH.test(hash)) {
    return refuse(reply, 400, 'a persisted query id is a sha256 hash: 64 lower-case hexadecimal digits');
  }
  // The same answer for everyone: the guard finds no viewer, whatever cookie came along.
  (request as AuthRequest).auth = { viewer: null, lookup: Promise.resolve(null) };
}

/** A 304 has no content, and so no Content-Length (Apollo hands Fastify a body regardless). */
async function dropNotModifiedBody(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 304 || !isGraphQLGet(request)) return payload;
  reply.removeHeader('content-length');
  reply.removeHeader('content-type');
  return null;
}

/** Adds the two hooks to the HTTP server before it starts. */
export function registerPublicReadHooks(fastify: FastifyInstance) {
  fastify.addHook('onRequest', onGraphQLGet);
  fastify.addHook('onSend', dropNotModifiedBody);
}

@Injectable()
export class PublicReadHooks implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit() {
    registerPublicReadHooks(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}

/**
 * Once Apollo knows the operation (and has refused a mutation sent by GET itself, 405): a GET
 * must have come from the manifest and read only public root fields. Refused before anything
 * runs, with 405 and `Allow: POST` as Apollo answers a mutation by GET.
 */
export function checkPublicRead(ctx: GraphQLRequestContextDidResolveOperation<object>) {
  if (ctx.request.http?.method !== 'GET') return;
  const selections = ctx.operation?.selectionSet.selections ?? [];
  const publicOnly =
    ctx.metrics.persistedQueryHit === true &&
    ctx.operation?.operation === 'query' &&
    selections.every((s) => s.kind === 'Field' && PUBLIC_READ_FIELDS.has(s.name.value));
  if (!publicOnly) {
    throw new GraphQLError('only public reads may be sent by GET; send this operation by POST', {
      extensions: { code: 'BAD_REQUEST', http: { status: 405, headers: new Map([['allow', 'POST']]) } },
    });
  }
}

/**
 * A successful public read sent by GET: public caching, a weak ETag of the answer (weak: a
 * proxy may compress it) and 304 when the client already holds it. Returns false for anything
 * else, which stays private.
 */
export function publicReadHeaders(ctx: GraphQLRequestContextWillSendResponse<object>): boolean {
  const { request, response } = ctx;
  if (request.http?.method !== 'GET' || ctx.errors?.length) return false;
  const body = response.body;
  if (body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return false;
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body.singleResult)).digest('base64url')}"`;
  const headers = response.http.headers;
  headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  headers.set('etag', etag);
  // Apollo picks the answer's content type from Accept; nothing else of the request counts.
  headers.set('vary', 'accept');
  if (matchesEtag(request.http.headers.get('if-none-match'), etag)) {
    response.http.status = 304;
    body.singleResult = {};
  }
  return true;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): any listed tag, W/ or not, or `*`. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.slice(2);
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || (t.startsWith('W/') ? t.slice(2) : t) === opaque;
  });
}
