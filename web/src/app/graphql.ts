import type { TypedDocumentNode } from '@apollo/client';

/** The data a fragment selects, for typing a component's props from its own fragment. */
export type FragmentOf<Document> =
  Document extends TypedDocumentNode<infer Data, infer _Variables> ? Data : never;
