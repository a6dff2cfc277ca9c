import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsString, Max, MaxLength, Min } from 'class-validator';
import {
  Cursor,
  EntityManager,
  EntityName,
  EntityProperty,
  FilterQuery,
  FindByCursorOptions,
  QueryOrderMap,
} from '@mikro-orm/core';
import { DomainError } from '../errors/domain-error';
import { isId } from '../validation/ids';
import { NullMeansOmitted } from '../validation/nullability';
import { textProblem } from '../validation/text-checks';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @NullMeansOmitted()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({
    nullable: true,
    description: 'The endCursor of the previous page (null: the first page).',
  })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field({ nullable: true }) endCursor?: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for one node type: `Paginated(Edition)` → EditionConnection. */
export function Paginated<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${node.name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}

/** A cursor value the list's sort column could hold, so the database never sees a wrong type. */
function fitsColumn(prop: EntityProperty | undefined, value: unknown): boolean {
  switch (prop?.runtimeType) {
    case 'number':
      return Number.isSafeInteger(value);
    case 'string':
      return (
        typeof value === 'string' && !textProblem(value) && (prop.type !== 'uuid' || isId(value))
      );
    case 'Date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    default:
      return false;
  }
}

/** A cursor is base64url JSON made by anyone: check it holds one fitting value per sort key. */
function isCursorOf<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  orderBy: QueryOrderMap<T>[],
  value: string,
): boolean {
  let values: unknown;
  try {
    values = Cursor.decode(value);
  } catch {
    return false;
  }
  const meta = em.getMetadata().find(entity);
  const keys = orderBy.flatMap((order) => Object.keys(order));
  return (
    meta !== undefined &&
    Array.isArray(values) &&
    values.length === keys.length &&
    keys.every((key, i) =>
      fitsColumn(
        meta.props.find((p) => p.name === key),
        values[i],
      ),
    )
  );
}

/**
 * Keyset pagination with MikroORM cursors. `orderBy` must end with a unique column so
 * that pages never overlap or skip rows.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  orderBy: QueryOrderMap<T>[],
): Promise<Connection<T>> {
  const { after } = page;
  if (after !== undefined && !isCursorOf(em, entity, orderBy, after)) {
    throw DomainError.invalid('after', 'is not a cursor returned by this list');
  }
  const options: FindByCursorOptions<T> = {
    first: page.first ?? DEFAULT_PAGE_SIZE,
    after,
    orderBy,
    includeCount: true,
  };
  const cursor = await em.findByCursor(entity, where, options);
  const edges = cursor.items.map((node) => ({ cursor: cursor.from(node), node }));
  return {
    edges,
    nodes: cursor.items,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      endCursor: cursor.endCursor ?? undefined,
    },
    totalCount: cursor.totalCount,
  };
}
