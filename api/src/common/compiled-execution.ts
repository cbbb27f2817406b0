import { getVariableValues, GraphQLError, isObjectType, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** The name of the resolver @nestjs/graphql gives a field that only reads its property. */
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/** What Apollo Server hands a gateway's executor (the part used here). */
interface ExecutorRequest {
  document: DocumentNode;
  operationName?: string | null;
  operation?: OperationDefinitionNode | null;
  request: { variables?: Record<string, unknown> | null };
  context: unknown;
}

interface SchemaContext {
  apiSchema: GraphQLSchema;
  coreSupergraphSdl: string;
}

/**
 * Runs GraphQL operations as compiled functions (graphql-jit) instead of graphql-js's
 * interpreter, which walks the query anew for every object of every answer and allocates two
 * dictionaries per field: on a class's progress page (45 rows) that was most of what the
 * process allocated, and the collector's pauses were the page's slowest answers.
 *
 * Apollo Server lets another executor in only as a "gateway"; this one serves the schema Nest
 * built (captured with `transformSchema`) and compiles each parsed document once (Apollo keeps
 * one parsed document per distinct query, so they are the cache's keys). Parsing, validation,
 * the query limits and our plugin run as before. Variables are still checked by graphql-js
 * first, so a wrong one is answered exactly as before (BAD_USER_INPUT, the same message).
 * Subscriptions do not come this way: graphql-ws executes them itself.
 */
export class CompiledExecution {
  private schema: GraphQLSchema | null = null;
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  private readonly listeners = new Set<(context: SchemaContext) => void>();

  /**
   * For GraphQLModule's `transformSchema`: keeps the schema Nest built, without Nest's resolver
   * for plain fields. Nest gives every field of an object type a resolver that only reads the
   * property (`rootFieldResolver`); to the compiler a field with a resolver is a call with its
   * own arguments and info objects, one per field of every row, where a field without one is
   * read inline. Fields with a resolver of their own (@ResolveField, middleware) keep it.
   */
  readonly captureSchema = (schema: GraphQLSchema): GraphQLSchema => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve?.name === NEST_PROPERTY_RESOLVER) field.resolve = undefined;
      }
    }
    this.schema = schema;
    return schema;
  };

  /** For ApolloServer's `gateway` option. */
  gateway() {
    return {
      onSchemaLoadOrUpdate: (listener: (context: SchemaContext) => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      load: async () => {
        const schema = this.schema;
        if (!schema) throw new Error('the GraphQL schema was not built before the server started');
        for (const listener of this.listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
        return { executor: (request: ExecutorRequest) => this.execute(schema, request) };
      },
      stop: async () => undefined,
    };
  }

  private execute(schema: GraphQLSchema, { document, operationName, operation, request, context }: ExecutorRequest): Promise<ExecutionResult> | ExecutionResult {
    const variables = request.variables ?? {};
    if (operation?.variableDefinitions?.length) {
      const checked = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (checked.errors) return { errors: checked.errors };
    }
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      const made = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(made)) return made as ExecutionResult;
      byName.set(key, (query = made));
    }
    const result = query.query(undefined, context, variables) as Promise<ExecutionResult> | ExecutionResult;
    return result instanceof Promise ? result.then(withGraphQLErrors) : withGraphQLErrors(result);
  }
}

/**
 * graphql-jit's errors look like graphql-js's to `instanceof` but lack what Apollo and our
 * formatter read (an `extensions` object, always there in graphql-js): they are made again
 * as graphql-js errors, with the same message, place, path and cause. An error jit raised
 * itself (a null for a non-null field) gets an Error as its cause, as graphql-js gives it:
 * variables were checked before, so nothing raised while executing is the request's fault.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? new Error(e.message), extensions: e.extensions });
      if (e.locations) (error as { locations?: unknown }).locations = e.locations;
      return error;
    }),
  };
}
