import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { CompiledExecution } from './common/compiled-execution';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { BackupModule } from './backup/backup.module';
import { CollectionModule } from './collection/collection.module';
import { AccessModule } from './common/access.module';
import { AppConfigModule } from './common/app-config.module';
import { AuthGuard } from './common/auth.guard';
import { formatGraphQLError } from './common/errors';
import { HttpErrorsFilter } from './common/http-errors.filter';
import { queryLimitRule } from './common/query-limits';
import { Public } from './common/public.decorator';
import type { AuthRequest, GraphQLContext } from './common/request-context';
import { requestLogPlugin } from './common/request-log.plugin';
import { checkPublicRead, persistedDocuments, PublicReadHooks, publicReadHeaders } from './common/public-reads';
import type { AppConfig } from './config/config';
import type { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { HealthController } from './health/health.controller';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { NominationsModule } from './nominations/nominations.module';
import { NotificationsModule } from './notifications/notifications.module';
import type { SubscriptionSocket } from './notifications/subscription-sessions.service';
import { isAllowedWebSocketOrigin } from './notifications/websocket-origin';
import { ProjectsModule } from './projects/projects.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ExhibitionModule } from './exhibition/exhibition.module';
import { ReviewModule } from './review/review.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SchoolsModule } from './schools/schools.module';
import { SubmissionsModule } from './submissions/submissions.module';

// Probes from the orchestrator carry no session. (Marked here because health/ has no
// dependency on auth; the guard treats this exactly like @Public() on the class.)
Public()(HealthController);

/**
 * HTTP: @as-integrations/fastify calls this with (request, reply), not with one object.
 * WebSocket (graphql-ws): with its context ({ connectionParams, extra: { request } }); each
 * operation gets a fresh request-like object carrying the upgrade request's headers, so the
 * session is looked up again for every subscription rather than once per socket. A browser
 * sends the session cookie with the upgrade; other clients, which cannot set headers on it,
 * put `authorization: "Bearer …"` in the connection_init payload instead.
 */
function graphQLContext(first: AuthRequest | WsContext, reply?: FastifyReply): GraphQLContext {
  if ('extra' in first && first.extra?.request) {
    const upgrade = first.extra.request;
    const authorization = first.connectionParams?.authorization;
    const headers = typeof authorization === 'string' ? { ...upgrade.headers, authorization } : upgrade.headers;
    return { req: { headers, ip: upgrade.socket?.remoteAddress ?? '' } as AuthRequest, reply: undefined };
  }
  return { req: first as AuthRequest, reply };
}

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: IncomingMessage };
}

/**
 * Over HTTP graphql-js would run a subscription's resolver once without an event (and
 * without the guard, which runs when subscribing): refuse it before execution instead.
 */
function refuseSubscriptionOverHttp({ operation }: { operation?: OperationDefinitionNode | null }) {
  if (operation?.operation === 'subscription') {
    throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws) on /graphql', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
}

/** Errors over WebSocket get the same shape (code, no internals) as over HTTP. */
function formatWsErrors(format: ReturnType<typeof formatGraphQLError>) {
  return (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => format(e.toJSON(), e));
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, database, logger }: AppDeps): DynamicModule {
    const formatWs = formatWsErrors(formatGraphQLError(logger));
    const execution = new CompiledExecution(formatGraphQLError(logger));
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(database),
        AppConfigModule.forRoot(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // Queries and mutations run compiled (see compiled-execution.ts).
          transformSchema: execution.prepareSchema,
          graphiql: false,
          playground: false,
          // Set explicitly, never inferred from NODE_ENV by a library.
          introspection: config.graphqlIntrospection,
          // Where the schema is not shown (production), a misspelt field must not name the
          // right one either ("Did you mean …?"): Apollo's suggestion-stripping plugin.
          hideSchemaDetailsFromClientErrors: !config.graphqlIntrospection,
          includeStacktraceInErrorResponses: false,
          // GET too: Apollo Client sends `content-type: application/json` with its GETs; other
          // clients send `apollo-require-preflight: true` (see the README's public caching).
          csrfPrevention: true,
          // The portal's own documents by hash, for public reads by GET (public-reads.ts);
          // nothing can be registered at run time.
          persistedQueries: persistedDocuments(logger),
          allowBatchedHttpRequests: false,
          // Refused before execution: too many tokens, too deep, too many aliases, too costly.
          parseOptions: { maxTokens: 20000 },
          validationRules: [queryLimitRule()],
          formatError: formatGraphQLError(logger),
          // One plugin of our own (see request-log.plugin.ts): it also does the work of Nest's
          // status plugin and of Apollo's cache-control plugin, both turned off here.
          plugins: [
            requestLogPlugin(logger, {
              exposeSqlStatements: config.graphqlSqlCount,
              checkOperation: (ctx) => {
                refuseSubscriptionOverHttp(ctx);
                checkPublicRead(ctx);
              },
              respond: (ctx) => execution.respond(ctx),
              publicAnswer: publicReadHeaders,
            }),
            // A marker object only; its CommonJS typings differ from the ES module's that Nest uses.
            ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin,
          ],
          preserveHttpStatusForExecutionErrors: false,
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              // Before connection_ack, so a page of another origin never gets to subscribe on its
              // visitor's cookie. Refusing here closes the socket with graphql-ws's 4403 Forbidden:
              // the upgrade itself belongs to Nest's own listener, which offers no hook to answer 403.
              onConnect: (ctx) => {
                const headers = (ctx.extra as WsContext['extra'])?.request?.headers;
                if (isAllowedWebSocketOrigin(headers, config)) return true;
                // Named in the log so that an operator who forgot ALLOWED_ORIGINS sees why.
                logger.warn({ origin: headers?.origin }, 'refused a WebSocket from another origin (see ALLOWED_ORIGINS)');
                return false;
              },
              // Each operation's context also names the socket it came on, so the socket can be
              // closed when its session ends (notifications/subscription-sessions.service.ts).
              // Nest's type omits graphql-ws's context option but passes it on.
              ...({
                context: (ctx: WsContext & { extra?: { socket?: SubscriptionSocket } }) => ({ ...graphQLContext(ctx), socket: ctx.extra?.socket }),
              } as object),
              onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatWs(result.errors) } : undefined),
              // Errors that end a subscription (e.g. the guard refusing it) come this way. Nest's
              // type omits graphql-ws's onError but passes it on.
              ...({ onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => formatWs(errors) } as object),
            },
          },
          context: graphQLContext,
        }),
        HealthModule,
        AccessModule,
        AuditModule,
        IdentityModule,
        SchoolsModule,
        CollectionModule,
        ProjectsModule,
        AssignmentsModule,
        FilesModule,
        SubmissionsModule,
        FeedbackModule,
        NotificationsModule,
        NominationsModule,
        ReviewModule,
        ExhibitionModule,
        PrivacyModule,
        BackupModule,
      ],
      // Fails closed: every operation and route needs a session unless marked @Public().
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorsFilter },
        // Checks and answers GETs to /graphql before and after Apollo (public-reads.ts).
        PublicReadHooks,
      ],
    };
  }
}
