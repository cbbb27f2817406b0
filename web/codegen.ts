import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
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

export default config;
