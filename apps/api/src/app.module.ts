import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AccountsModule } from '@platform/accounts';
import { ConferencesModule } from '@platform/conferences';
import {
  AppConfig,
  ConfigModule,
  createValidationPipe,
  formatGraphQLError,
  DomainExceptionFilter,
  hideSuggestionsPlugin,
  inContextPlugin,
  inReaderLanguage,
  withInContextDirective,
  MAX_QUERY_TOKENS,
  ormOptions,
  RateLimitModule,
  QueryLimitsPlugin,
} from '@platform/core';
import { DirectoryModule } from '@platform/directory';
import { TrainingsModule } from '@platform/trainings';
import { DocumentsModule } from '@platform/documents';
import { MailModule } from '@platform/mail';
import { MailingsModule } from '@platform/mailings';
import { EvaluationsModule } from '@platform/evaluations';
import { allEntities } from './entities';
import { HealthController } from './health.controller';

/** Composes the domain modules; everything the app does lives in libs/. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MikroOrmModule.forRoot(ormOptions(config.database, allEntities)),
        RateLimitModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: config.graphql.ide,
          // Without introspection, error messages do not suggest field names either.
          hideSchemaDetailsFromClientErrors: !config.graphql.ide,
          plugins: [
            // Apollo's own landing page loads from a CDN; we serve GraphiQL at /graphiql.
            ApolloServerPluginLandingPageDisabled(),
            // Traces for a federation gateway: this schema is no subgraph, so Apollo's
            // default plugin would only load the protobuf code at start for nothing.
            ApolloServerPluginInlineTraceDisabled(),
            // No field sets a cache hint; Apollo would otherwise wrap every field's resolver.
            ApolloServerPluginCacheControlDisabled(),
            ...(config.graphql.ide ? [] : [hideSuggestionsPlugin]),
            inContextPlugin,
          ],
          transformSchema: (schema) => withInContextDirective(inReaderLanguage(schema)),
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        MailModule,
        AccountsModule,
        DirectoryModule,
        ConferencesModule,
        TrainingsModule,
        DocumentsModule,
        MailingsModule,
        EvaluationsModule,
      ],
      controllers: [HealthController],
      providers: [
        QueryLimitsPlugin,
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
