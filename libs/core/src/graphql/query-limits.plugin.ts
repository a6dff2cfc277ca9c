import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { RequestWithActor } from '../auth/current-actor';
import { measureOperation } from './query-cost';

interface GraphQLContext {
  req: RequestWithActor;
}

const refused = (message: string, reason: string) =>
  new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } },
  });

/**
 * Measures each operation before it runs (query-cost.ts) and refuses it when it is
 * nested deeper than GRAPHQL_MAX_DEPTH or costs more than the caller's budget:
 * GRAPHQL_MAX_COMPLEXITY when logged in, GRAPHQL_MAX_COMPLEXITY_ANONYMOUS otherwise.
 * It runs for every request, also when Apollo reuses a document it parsed before,
 * since the page sizes in the variables and the caller change the answer.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const { maxDepth, maxComplexity, maxComplexityAnonymous } = this.config.graphql;
    return {
      didResolveOperation: async ({ schema, document, operation, request, contextValue }) => {
        // No such operation: execution reports it.
        if (!operation) return;
        let measure;
        try {
          measure = measureOperation(schema, document, operation, request.variables);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          throw refused(error.message, String(error.extensions.reason));
        }
        if (measure.depth > maxDepth) {
          throw refused(
            `The query is ${measure.depth} levels deep; the limit is ${maxDepth}. Split it into smaller queries.`,
            'QUERY_TOO_DEEP',
          );
        }
        const loggedIn = contextValue.req.actor?.isAuthenticated ?? false;
        const limit = loggedIn ? maxComplexity : maxComplexityAnonymous;
        if (measure.cost > limit) {
          throw refused(
            `The query's complexity is ${measure.cost}; the limit is ${limit}${loggedIn ? '' : ' without a login'}. ` +
              'Ask for fewer fields or smaller pages.',
            'QUERY_TOO_COMPLEX',
          );
        }
      },
    };
  }
}
