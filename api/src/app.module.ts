import type { IncomingMessage } from 'node:http';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { CollectionModule } from './collection/collection.module';
import { AccessModule } from './common/access.module';
import { AppConfigModule } from './common/app-config.module';
import { AuthGuard } from './common/auth.guard';
import { formatGraphQLError } from './common/errors';
import { Public } from './common/public.decorator';
import type { AuthRequest, GraphQLContext } from './common/request-context';
import { requestLogPlugin } from './common/request-log.plugin';
import type { AppConfig } from './config/config';
import type { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { ProjectsModule } from './projects/projects.module';
import { SchoolsModule } from './schools/schools.module';
import { SubmissionsModule } from './submissions/submissions.module';

// Probes from the orchestrator carry no session. (Marked here because health/ has no
// dependency on auth; the guard treats this exactly like @Public() on the class.)
Public()(HealthController);

/**
 * HTTP: @as-integrations/fastify calls this with (request, reply), not with one object.
 * WebSocket (graphql-ws): with its context ({ connectionParams, extra: { request } }); each
 * operation gets a fresh request-like object carrying the upgrade request's headers, so the
 * session is looked up again for every subscription rather than once per socket.
 */
function graphQLContext(first: AuthRequest | WsContext, reply?: FastifyReply): GraphQLContext {
  if ('extra' in first && first.extra?.request) {
    const upgrade = first.extra.request;
    return { req: { headers: upgrade.headers, ip: upgrade.socket?.remoteAddress ?? '' } as AuthRequest, reply: undefined };
  }
  return { req: first as AuthRequest, reply };
}

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: IncomingMessage };
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, database, logger }: AppDeps): DynamicModule {
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
          graphiql: false,
          playground: false,
          // Set explicitly, never inferred from NODE_ENV by a library.
          introspection: config.graphqlIntrospection,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          formatError: formatGraphQLError(logger),
          plugins: [requestLogPlugin(logger)],
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
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
        SubmissionsModule,
      ],
      // Fails closed: every operation and route needs a session unless marked @Public().
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
