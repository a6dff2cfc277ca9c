import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { GraphQLResolveInfo } from 'graphql';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * A refused mutation may leave changed entities in the request's unit of work (a name
 * assigned before the email turned out to be taken). Nothing flushes them by itself
 * (flushMode COMMIT), but the next mutation of the same request would: forget them.
 */
@Injectable()
export class ForgetFailedMutationsInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        this.em.clear();
        return throwError(() => error);
      }),
    );
  }
}
