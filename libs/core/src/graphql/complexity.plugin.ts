import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';

/**
 * Scores each operation before it runs (1 per field, lists multiplied by their page
 * size, see pageComplexity) and refuses those over GRAPHQL_MAX_COMPLEXITY.
 */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const limit = this.config.graphql.maxComplexity;
    const { schema } = this.schemaHost;
    return {
      async didResolveOperation({ request, document }) {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (error) {
          // Variables that do not fit the operation (e.g. an unknown input field) are the
          // client's mistake: answer as Apollo does, not with a 500 from this hook.
          if (error instanceof GraphQLError) {
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          throw error;
        }
        if (complexity > limit) {
          throw new GraphQLError(
            `The query's complexity is ${complexity}; the limit is ${limit}. Ask for fewer fields or smaller pages.`,
            {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'QUERY_TOO_COMPLEX',
                http: { status: 400 },
              },
            },
          );
        }
      },
    };
  }
}
