import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@lmr/domain';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** Deep enough for every page of the portal, far below what would hurt the server. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50000 };

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * A validation rule, so it runs before execution: refuses an operation that is too deep, uses
 * too many aliases or would cost too much (each field 1, lists multiplied by their page size).
 * Introspection fields count like any other, and fragments are followed, so naming a query
 * `__schema` or hiding depth in fragments does not get round it.
 */
export function queryLimitRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === 'FragmentDefinition') fragments.set(def.name.value, def);
    }
    const schema = context.getSchema();

    /** `paged`: the parent took a page size, so its edges list is that page, not another multiplier. */
    const measure = (set: SelectionSetNode, parentType: unknown, depth: number, seen: ReadonlySet<string>, paged = false): Measure => {
      const total: Measure = { depth, aliases: 0, cost: 0 };
      const add = (m: Measure, multiplier = 1) => {
        total.depth = Math.max(total.depth, m.depth);
        total.aliases += m.aliases;
        total.cost += multiplier * m.cost;
      };
      for (const sel of set.selections) {
        if (sel.kind === 'Field') {
          if (sel.alias) total.aliases += 1;
          total.cost += 1;
          if (!sel.selectionSet) continue;
          const field = fieldOf(parentType, sel);
          const takesPage = sel.arguments?.some((a) => a.name.value === 'first') ?? false;
          const isList = field ? isListType(getNullableType(field.type)) : false;
          const multiplier = takesPage ? listSize(sel) : isList && !paged ? DEFAULT_PAGE_SIZE : 1;
          add(measure(sel.selectionSet, field ? getNamedType(field.type) : null, depth + 1, seen, takesPage), multiplier);
        } else if (sel.kind === 'InlineFragment') {
          const typeName = sel.typeCondition?.name.value;
          add(measure(sel.selectionSet, typeName ? schema.getType(typeName) : parentType, depth, seen, paged));
        } else {
          const fragment = fragments.get(sel.name.value);
          if (!fragment || seen.has(sel.name.value)) continue;
          add(measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), depth, new Set([...seen, sel.name.value]), paged));
        }
      }
      return total;
    };

    const refuse = (message: string) => context.reportError(new GraphQLError(message));

    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const m = measure(node.selectionSet, root, 1, new Set());
        if (m.depth > limits.maxDepth) refuse(`The query is ${m.depth} levels deep; at most ${limits.maxDepth} are allowed.`);
        if (m.aliases > limits.maxAliases) refuse(`The query uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
        if (m.cost > limits.maxCost) refuse(`The query would cost ${m.cost}; at most ${limits.maxCost} is allowed.`);
      },
    };
  };
}

function fieldOf(parentType: unknown, node: FieldNode): GraphQLField<unknown, unknown> | null {
  const type = parentType as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> } | null;
  return type?.getFields?.()[node.name.value] ?? null;
}

/** How many items a paged field may return: its `first` (capped), or the cap when it is a variable. */
function listSize(node: FieldNode): number {
  const first = node.arguments?.find((a) => a.name.value === 'first');
  if (first?.value.kind === 'IntValue') return Math.min(Math.max(Number(first.value.value), 1), MAX_PAGE_SIZE);
  return first?.value.kind === 'NullValue' ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
}
