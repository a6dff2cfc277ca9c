import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/connection';

/**
 * The cost model, in one place (README, "Limits."). A unit is about one field of one
 * object in the answer; a SQL statement is worth many of them.
 */
export const COST = {
  /** Every field asked for, each alias counted again. */
  field: 1,
  /** A root field or a paginated list: at least one SQL statement (per parent). */
  query: 100,
  /** `totalCount` of a page: a COUNT over every matching row. */
  totalCount: 50,
  /** `__schema` or `__type`, whatever it holds (graphql-js bounds its nesting); no depth. */
  introspection: 100,
  /** Items assumed in a list that is not paginated (agenda, speakers, members…). */
  listEstimate: 5,
} as const;

export interface OperationMeasure {
  /** Fields nested below the root, introspection left out. */
  depth: number;
  cost: number;
}

/**
 * A selection set's measure. `perItem` is what the page lists of a connection
 * (`nodes`, `edges`) cost for one item: the field that returns the connection
 * multiplies it by its page size, so a fragment's measure holds wherever it is spread.
 */
interface Measure {
  depth: number;
  fixed: number;
  perItem: number;
}

/**
 * Depth and cost of one operation in a single pass over the document: each fragment
 * is measured once and reused wherever it is spread, so the work is linear in the
 * document whatever its fragments multiply to. A fragment that spreads itself is
 * refused (graphql-js refuses it too; this pass must not loop on it).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const measured = new Map<string, Measure | 'in progress'>();
  const rootType = schema.getRootType(operation.operation) ?? undefined;

  const pageSize = (value: ValueNode | undefined): number => {
    const size =
      value?.kind === Kind.VARIABLE
        ? (variables[value.name.value] ?? literal(defaults.get(value.name.value)))
        : literal(value);
    // Sizes past the maximum are refused by the field itself, with a clearer message.
    return typeof size === 'number' && Number.isInteger(size)
      ? Math.min(Math.max(size, 1), MAX_PAGE_SIZE)
      : DEFAULT_PAGE_SIZE;
  };

  const measureSet = (set: SelectionSetNode, type: GraphQLNamedType | undefined): Measure => {
    const total: Measure = { depth: 0, fixed: 0, perItem: 0 };
    const add = (part: Measure) => {
      total.depth = Math.max(total.depth, part.depth);
      total.fixed += part.fixed;
      total.perItem += part.perItem;
    };
    const pageOfItems = isConnection(type);
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        add(measureSet(selection.selectionSet, condition ?? undefined));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        add(measureFragment(selection.name.value));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) {
        total.fixed += name === '__typename' ? COST.field : COST.introspection;
        continue;
      }
      const field =
        isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      const fieldType = field ? getNamedType(field.type) : undefined;
      const children = selection.selectionSet
        ? measureSet(selection.selectionSet, fieldType)
        : { depth: 0, fixed: 0, perItem: 0 };
      const paginated = isConnection(fieldType);
      const first = paginated
        ? selection.arguments?.find((argument) => argument.name.value === 'first')?.value
        : undefined;
      const below = children.fixed + (paginated ? pageSize(first) * children.perItem : 0);
      let own = COST.field;
      if (type === rootType || paginated) own += COST.query;
      if (pageOfItems && name === 'totalCount') own += COST.totalCount;
      const depth = 1 + children.depth;
      if (field && isListType(getNullableType(field.type))) {
        if (pageOfItems) add({ depth, fixed: own, perItem: below });
        else add({ depth, fixed: own + COST.listEstimate * below, perItem: 0 });
      } else {
        add({ depth, fixed: own + below, perItem: 0 });
      }
    }
    return total;
  };

  const measureFragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known === 'in progress') {
      throw new GraphQLError(`Fragment "${name}" spreads itself.`, {
        extensions: { code: 'BAD_USER_INPUT', reason: 'FRAGMENT_CYCLE' },
      });
    }
    if (known) return known;
    const fragment = fragments.get(name);
    // An unknown fragment is graphql-js's to report; it adds nothing here.
    if (!fragment) return { depth: 0, fixed: 0, perItem: 0 };
    measured.set(name, 'in progress');
    const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const measure = measureSet(fragment.selectionSet, type);
    measured.set(name, measure);
    return measure;
  };

  const root = measureSet(operation.selectionSet, rootType);
  return { depth: root.depth, cost: root.fixed };
}

/** A connection type of pagination/connection.ts: a page of items with its count. */
function isConnection(type: GraphQLNamedType | undefined): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && 'totalCount' in fields;
}

function literal(value: ValueNode | undefined): unknown {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}
