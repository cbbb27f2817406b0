import { buildSchema, GraphQLError, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { CompiledExecution, type OperationToRun } from './compiled-execution';

class Refused extends Error {}

const schema = buildSchema(`
  type Row { name: String! state: String! }
  type Query {
    rows(first: Int!): [Row!]!
    broken: Row!
    refused: String
  }
`);
const resolvers: Record<string, (args: Record<string, unknown>, context: { viewer: string }) => unknown> = {
  rows: (args, context) => Array.from({ length: Number(args.first) }, (_, i) => ({ name: `${context.viewer} ${i}`, state: 'DRAFTING' })),
  broken: () => null,
  refused: () => {
    throw new Refused('not yours');
  },
};
for (const [name, resolve] of Object.entries(resolvers)) {
  schema.getQueryType()!.getFields()[name]!.resolve = (_root, args, context) => resolve(args, context);
}

/** The execution with a formatError that records what it was given. */
function setUp(formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  const formatted: { formatted: GraphQLFormattedError; error: unknown }[] = [];
  const execution = new CompiledExecution(
    formatError ??
      ((f, error) => {
        formatted.push({ formatted: f, error });
        return f;
      }),
  );
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const op: OperationToRun = {
      schema,
      document,
      operation: document.definitions[0] as OperationDefinitionNode,
      operationName: null,
      request: { variables },
      contextValue: { viewer: 'Mei' },
    };
    return { answer: await execution.respond(op), op };
  };
  return { run, formatted };
}

describe('CompiledExecution', () => {
  it('answers as graphql-js would, with the context and variables given', async () => {
    const { run } = setUp();
    const { answer } = await run('query ($n: Int!) { rows(first: $n) { name state } }', { n: 2 });
    expect(answer!.body.singleResult).toEqual({ data: { rows: [{ name: 'Mei 0', state: 'DRAFTING' }, { name: 'Mei 1', state: 'DRAFTING' }] } });
    expect(answer!.http.status).toBeUndefined();
  });

  it('leaves an operation with a wrong variable to Apollo, whose graphql-js answers it as bad input', async () => {
    const { run } = setUp();
    expect((await run('query ($n: Int!) { rows(first: $n) { name } }', { n: 'many' })).answer).toBeNull();
    expect((await run('query ($n: Int!) { rows(first: $n) { name } }', {})).answer).toBeNull();
  });

  it('formats a resolver’s error as Apollo does: a graphql-js error with its cause, path and place, and the default code', async () => {
    const { run, formatted } = setUp();
    const { answer, op } = await run('{ refused }');
    expect(answer!.body.singleResult.data).toEqual({ refused: null });
    expect(answer!.body.singleResult.errors).toEqual([
      { message: 'not yours', locations: [{ line: 1, column: 3 }], path: ['refused'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    const error = formatted[0]!.error as GraphQLError;
    expect(Object.getPrototypeOf(error)).toBe(GraphQLError.prototype);
    expect(error.originalError).toBeInstanceOf(Refused);
    // Where Apollo keeps an operation's errors, for the request log.
    expect(op.errors).toEqual([error]);
  });

  it('gives an error the executor raised itself (null for a non-null field) a cause, so it is not taken for bad input', async () => {
    const { run, formatted } = setUp();
    const { answer } = await run('{ broken { name } }');
    expect(answer!.body.singleResult.data).toBeNull();
    const error = formatted[0]!.error as GraphQLError;
    expect(error.message).toMatch(/Cannot return null for non-nullable field/);
    expect(error.originalError).toBeInstanceOf(Error);
    expect(error.path).toEqual(['broken']);
  });

  it('answers a formatter that fails as Apollo does, without its message', async () => {
    const { run } = setUp(() => {
      throw new Error('formatter broke');
    });
    const { answer } = await run('{ refused }');
    expect(answer!.body.singleResult.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('reads plain fields inline: drops the property-reading resolver Nest gives every field, keeps real ones', () => {
    const built = buildSchema(`type Row { name: String shout: String } type Query { row: Row }`);
    const fields = built.getType('Row') as unknown as { getFields(): Record<string, { resolve?: (root: { name: string }) => unknown }> };
    const rootFieldResolver = (root: { name: string }) => root.name;
    const shout = (root: { name: string }) => root.name.toUpperCase();
    fields.getFields().name!.resolve = rootFieldResolver;
    fields.getFields().shout!.resolve = shout;
    new CompiledExecution((f) => f).prepareSchema(built);
    expect(fields.getFields().name!.resolve).toBeUndefined();
    expect(fields.getFields().shout!.resolve).toBe(shout);
  });
});
