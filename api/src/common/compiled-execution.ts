import { getVariableValues, GraphQLError, isObjectType, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** The name of the resolver @nestjs/graphql gives a field that only reads its property. */
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/** What Apollo hands a plugin's `responseForOperation` (the part used here). */
export interface OperationToRun {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation?: OperationDefinitionNode;
  operationName?: string | null;
  request: { variables?: Record<string, unknown> | null };
  contextValue: unknown;
  /** Apollo's record of the operation's errors (the request log reads it). */
  errors?: readonly GraphQLError[];
}

/** An answer in the shape `responseForOperation` returns (Apollo's GraphQLResponse). */
export interface CompiledAnswer {
  http: { status: number | undefined; headers: Map<string, string> };
  body: { kind: 'single'; singleResult: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] } };
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Runs queries and mutations as compiled functions (graphql-jit) instead of graphql-js's
 * interpreter, which walks the query anew for every object of every answer and allocates two
 * dictionaries per field: on a class's progress page (45 rows) that was most of what the
 * process allocated, and the collector's pauses were the page's slowest answers.
 *
 * It answers from the request plugin's `responseForOperation` hook, after Apollo has parsed
 * and validated the operation and our limits have passed it; each parsed document (Apollo
 * keeps one per distinct query) is compiled once. Whatever it does not handle it hands back
 * (null), and Apollo executes that with graphql-js as before: an operation whose variables
 * are wrong (so the answer is graphql-js's own, BAD_USER_INPUT), or one the compiler refuses.
 * Errors raised while executing are shaped as Apollo shapes them (`formatError`, the
 * INTERNAL_SERVER_ERROR default) and recorded where the request log reads them.
 * Subscriptions do not come this way: graphql-ws executes them itself.
 */
export class CompiledExecution {
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();

  constructor(private readonly formatError: FormatError) {}

  /**
   * For GraphQLModule's `transformSchema`: the schema Nest built, without Nest's resolver for
   * plain fields. Nest gives every field of an object type a resolver that only reads the
   * property (`rootFieldResolver`); to the compiler a field with a resolver is a call with its
   * own arguments and info objects, one per field of every row, where a field without one is
   * read inline. Fields with a resolver of their own (@ResolveField, middleware) keep it.
   */
  readonly prepareSchema = (schema: GraphQLSchema): GraphQLSchema => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve?.name === NEST_PROPERTY_RESOLVER) field.resolve = undefined;
      }
    }
    return schema;
  };

  /** The answer to the operation, or null for Apollo to execute it with graphql-js. */
  async respond(op: OperationToRun): Promise<CompiledAnswer | null> {
    const { schema, document, operation } = op;
    if (!operation || operation.operation === 'subscription') return null;
    const variables = op.request.variables ?? {};
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 }).errors) {
      return null;
    }
    const query = this.compile(schema, document, op.operationName ?? null);
    if (!query) return null;
    const result = (await query.query(undefined, op.contextValue, variables)) as ExecutionResult;
    const answer: CompiledAnswer = { http: { status: undefined, headers: new Map() }, body: { kind: 'single', singleResult: { data: result.data } } };
    if (result.errors?.length) {
      const errors = result.errors.map(asGraphQLError);
      op.errors = errors;
      answer.body.singleResult.errors = errors.map((error) => this.format(error));
    }
    return answer;
  }

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      const made = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(made)) return null;
      byName.set(key, (query = made));
    }
    return query;
  }

  /** As Apollo formats an execution error: its JSON, a code (INTERNAL_SERVER_ERROR unless it has one), then `formatError`. */
  private format(error: GraphQLError): GraphQLFormattedError {
    try {
      const extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
      return this.formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  }
}

/**
 * graphql-jit's errors look like graphql-js's to `instanceof` but lack what Apollo and our
 * formatter read (an `extensions` object, always there in graphql-js): they are made again
 * as graphql-js errors, with the same message, place, path and cause. An error jit raised
 * itself (a null for a non-null field) gets an Error as its cause, as graphql-js gives it:
 * variables were checked before, so nothing raised while executing is the request's fault.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? new Error(e.message), extensions: e.extensions });
  if (e.locations) (error as { locations?: unknown }).locations = e.locations;
  return error;
}
