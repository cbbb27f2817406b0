import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { CollectionModule } from './collection/collection.module';
import { formatGraphQLError } from './common/errors';
import { requestLogPlugin } from './common/request-log.plugin';
import type { AppConfig } from './config/config';
import type { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';

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
          context: ({ req, reply }: { req: unknown; reply: unknown }) => ({ req, reply }),
        }),
        HealthModule,
        CollectionModule,
      ],
    };
  }
}
