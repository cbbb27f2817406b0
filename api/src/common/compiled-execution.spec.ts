import { buildSchema, GraphQLError, Kind, parse, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { CompiledExecution } from './compiled-execution';

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

async function executor() {
  const execution = new CompiledExecution();
  execution.captureSchema(schema);
  const gateway = execution.gateway();
  const loaded: unknown[] = [];
  gateway.onSchemaLoadOrUpdate((context) => loaded.push(context.apiSchema));
  const { executor: run } = await gateway.load();
  expect(loaded).toEqual([schema]);
  return (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return Promise.resolve(run({ document, operation, operationName: null, request: { variables }, context: { viewer: 'Mei' } })) as Promise<ExecutionResult>;
  };
}

describe('CompiledExecution', () => {
  it('answers as graphql-js would, with the context and variables given', async () => {
    const run = await executor();
    expect(await run('query ($n: Int!) { rows(first: $n) { name state } }', { n: 2 })).toEqual({
      data: { rows: [{ name: 'Mei 0', state: 'DRAFTING' }, { name: 'Mei 1', state: 'DRAFTING' }] },
    });
  });

  it('answers a wrong variable with graphql-js’s own error, which Apollo reports as bad input', async () => {
    const run = await executor();
    const result = await run('query ($n: Int!) { rows(first: $n) { name } }', { n: 'many' });
    expect(result.data).toBeUndefined();
    const error = result.errors![0]!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.nodes?.[0]?.kind).toBe(Kind.VARIABLE_DEFINITION);
    expect(error.message).toMatch(/^Variable "\$n" got invalid value "many"/);
  });

  it('gives a resolver’s error as the cause of a graphql-js error with its path', async () => {
    const run = await executor();
    const result = await run('{ refused }');
    expect(result.data).toEqual({ refused: null });
    const error = result.errors![0]!;
    expect(Object.getPrototypeOf(error)).toBe(GraphQLError.prototype);
    expect(error.originalError).toBeInstanceOf(Refused);
    expect(error.path).toEqual(['refused']);
    expect(error.extensions).toEqual({});
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('gives an error the executor raised itself (null for a non-null field) a cause, so it is not taken for bad input', async () => {
    const run = await executor();
    const result = await run('{ broken { name } }');
    expect(result.data).toBeNull();
    const error = result.errors![0]!;
    expect(error.message).toMatch(/Cannot return null for non-nullable field/);
    expect(error.originalError).toBeInstanceOf(Error);
    expect(error.path).toEqual(['broken']);
  });

  it('reads plain fields inline: drops the property-reading resolver Nest gives every field, keeps real ones', () => {
    const built = buildSchema(`type Row { name: String shout: String } type Query { row: Row }`);
    const fields = built.getType('Row') as unknown as { getFields(): Record<string, { resolve?: (root: { name: string }) => unknown }> };
    const rootFieldResolver = (root: { name: string }) => root.name;
    const shout = (root: { name: string }) => root.name.toUpperCase();
    fields.getFields().name!.resolve = rootFieldResolver;
    fields.getFields().shout!.resolve = shout;
    new CompiledExecution().captureSchema(built);
    expect(fields.getFields().name!.resolve).toBeUndefined();
    expect(fields.getFields().shout!.resolve).toBe(shout);
  });
});
