import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Structured JSON (a pupil's formatted text). What arrives is untrusted: services sanitize
 * it with the domain rules before storing it.
 */
export const RichTextScalar = new GraphQLScalarType({
  name: 'RichText',
  description: 'A formatted text as a document tree: { type: "doc", content: [blocks] }',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
