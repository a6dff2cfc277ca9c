import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './to-graphql-error';

/** Routes every exception thrown inside a resolver through toGraphQLError. */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') throw exception;
    return toGraphQLError(exception);
  }
}
