// How the bench asks for the portal's public reads: by GET in Apollo's persisted-query form,
// with the id the build's manifest gives the portal's own document (web/src/gql/
// persisted-documents.json, written by codegen), so the bench sends what a browser sends and a
// shared cache can hold the answer. Without a manifest the same document goes by POST, which
// no cache keeps; the report says which form was measured.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The portal's documents as it sends them (Apollo Client adds __typename below the root), for
 * the POST form when there is no manifest to take them from.
 */
const PORTAL_DOCUMENTS = {
  ExhibitionSeason:
    'fragment ExhibitedWorkCard_work on ExhibitedWorkSummary { coverImageUrl credit { __typename en zh } gradeBand outcome projectTitle { __typename en zh } slug theme } query ExhibitionSeason($after: String, $first: Int!, $season: String!, $theme: Theme) { exhibition(season: $season, theme: $theme, first: $first, after: $after) { __typename edges { __typename cursor node { __typename slug ...ExhibitedWorkCard_work } } pageInfo { __typename endCursor hasNextPage } } }',
  ObjectPage:
    'query ObjectPage($id: ID!) { collectionObject(id: $id) { __typename accessionNumber description { __typename en zh } id kind { __typename en zh } location maker { __typename en zh } period { __typename en zh } rightsStatement themes title { __typename en zh } } }',
};

/** The manifest's documents by operation name, with their ids; empty when there is none. */
export function loadManifest(root) {
  const path = join(root, 'web', 'src', 'gql', 'persisted-documents.json');
  const byOperation = new Map();
  if (!existsSync(path)) return { path, byOperation };
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, document] of Object.entries(manifest)) {
    const name = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];
    if (name) byOperation.set(name, { hash: key.replace(/^sha256:/, ''), document });
  }
  return { path, byOperation };
}

/**
 * The one place the bench builds a public read: `{ method, path, body?, headers }` for
 * autocannon and fetch. GET when the manifest has the operation, else POST of the document.
 */
export function publicRead(manifest, operationName, variables) {
  const persisted = manifest.byOperation.get(operationName);
  if (persisted) {
    const search = new URLSearchParams({
      operationName,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: persisted.hash } }),
    });
    // Apollo's CSRF prevention answers a GET only with a header a plain form or image cannot send, as the portal sends it.
    return { method: 'GET', path: `/graphql?${search}`, headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } };
  }
  const query = PORTAL_DOCUMENTS[operationName];
  if (!query) throw new Error(`no document for ${operationName}`);
  return { method: 'POST', path: '/graphql', body: JSON.stringify({ operationName, query, variables }), headers: { 'content-type': 'application/json' } };
}

/** Which form the bench measures an operation in, for the report. */
export function publicReadForm(manifest, operationName) {
  const persisted = manifest.byOperation.get(operationName);
  if (!persisted) return `POST: no ${operationName} in ${manifest.path.replace(/.*\/web\//, 'web/')}`;
  // The id is the document's sha256; a manifest that disagrees would be answered "not found".
  const own = createHash('sha256').update(persisted.document).digest('hex');
  return own === persisted.hash ? 'GET, persisted id' : 'GET, persisted id (not the sha256 of its document)';
}
