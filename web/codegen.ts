import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, visit, type ASTNode } from 'graphql';

const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      // With __typename on every object, as Apollo Client's cache adds it, so that a document
      // the API runs by its hash (persisted-documents.json) answers what the cache expects.
      documentTransforms: [{ transform: ({ documents }) => documents.map((d) => ({ ...d, document: d.document && withTypenames(d.document) })) }],
      presetConfig: {
        // Off: components receive plain fragment-typed props, no unmasking helper needed.
        fragmentMasking: false,
        // Each document carries its sha256 (`__meta__.hash`) and persisted-documents.json maps
        // the hashes to the documents: the API runs public reads sent by GET from that list only.
        persistedDocuments: true,
      },
      config: {
        // String unions instead of TypeScript enums: nothing extra lands in the bundle.
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

/**
 * codegen's own addTypenameSelectionDocumentTransform, except on the root of an operation or a
 * fragment: there __typename would become a required field of the generated types, which the
 * portal's hand-made cache writes and fixtures do not carry. Every object below the root has
 * one either way (a fragment's fields sit inside a field that gets it).
 */
function withTypenames<T extends ASTNode>(document: T): T {
  return visit(document, {
    SelectionSet(node, _key, parent) {
      const root = parent && !Array.isArray(parent) && 'kind' in parent && (parent.kind === Kind.OPERATION_DEFINITION || parent.kind === Kind.FRAGMENT_DEFINITION);
      if (root || node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
      return { ...node, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selections] };
    },
  });
}

export default config;
