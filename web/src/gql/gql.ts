/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n": typeof types.CollectionObjectCard_ObjectFragmentDoc,
    "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CollectionPageDocument,
    "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n": typeof types.ObjectPageDocument,
};
const documents: Documents = {
    "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n": types.CollectionObjectCard_ObjectFragmentDoc,
    "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.CollectionPageDocument,
    "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n": types.ObjectPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n"): (typeof documents)["\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n"): (typeof documents)["\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;