import {
  ASTVisitor,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

/**
 * Refuses operations nested deeper than `maxDepth` fields. Introspection fields
 * (__schema, __type) are not counted so that IDEs keep working.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
      let deepest = depth;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const below = selection.selectionSet
            ? depthOf(selection.selectionSet, depth + 1, seen)
            : depth + 1;
          deepest = Math.max(deepest, below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth, seen));
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          deepest = Math.max(
            deepest,
            depthOf(fragment.selectionSet, depth, new Set(seen).add(fragment.name.value)),
          );
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `The query is ${depth} levels deep; the limit is ${maxDepth}. Split it into smaller queries.`,
              { nodes: [operation], extensions: { reason: 'QUERY_TOO_DEEP' } },
            ),
          );
        }
      },
    };
  };
}
