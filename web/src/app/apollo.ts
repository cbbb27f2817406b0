import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { lazySubscriptionLink } from '../features/notifications/subscriptionLink';
import { connectionFieldPolicy } from './pagination';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // One cached list per search and theme; `after` and `first` only page through it.
          collectionObjects: connectionFieldPolicy(['search', 'theme']),
          auditLog: connectionFieldPolicy([]),
          briefLibrary: connectionFieldPolicy(['search', 'theme', 'grade']),
          myBriefs: connectionFieldPolicy(['search', 'theme', 'grade']),
          myAssignments: connectionFieldPolicy([]),
          pupilAccessLog: connectionFieldPolicy(['pupilId']),
          reviewQueue: connectionFieldPolicy(['decided', 'theme', 'gradeBand', 'schoolId', 'season']),
          exhibition: connectionFieldPolicy(['season', 'theme']),
        },
      },
      // An evidence item keeps its id in every attempt it is copied into, with that attempt's
      // text: stored inside its part, not as one shared cache entry the attempts overwrite.
      Evidence: { keyFields: false },
    },
  });
}

/**
 * The public pages' queries (exhibition and collection): sent by GET as the id of the document
 * the build persisted (web/src/gql/persisted-documents.json), so that a cache in front of the
 * API can keep the answer for a minute. The API answers them to GET only because
 * every root field they read is public; everything else goes by POST, never cached.
 */
export const PUBLIC_READS: ReadonlySet<string> = new Set(['ExhibitionSeasons', 'ExhibitionSeason', 'ExhibitedWork', 'CollectionPage', 'ObjectPage']);

/** The sha256 codegen put on the document (`__meta__.hash`, "sha256:<hex>"), as the API expects it: hex. */
export function persistedHash(document: DocumentNode): string | null {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' ? hash.replace(/^sha256:/, '') : null;
}

export function createApolloLink(): ApolloLink {
  // Same origin as the portal (the API serves both), so the session cookie goes along.
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const publicReads = new PersistedQueryLink({
    generateHash: (document) => persistedHash(document)!,
    useGETForHashedQueries: true,
    // An id the API does not know (a portal newer than the API, during an upgrade): the link
    // turns itself off and this and later queries go by POST with their text, as before.
    disable: ({ meta }) => meta.persistedQueryNotSupported || meta.persistedQueryNotFound,
  }).concat(
    // The browser asks again every time (If-None-Match, mostly a 304 without a body), so that an
    // educator sees an edit at once; shared caches in front still answer for their minute.
    new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetchOptions: { cache: 'no-cache' } }),
  );
  return ApolloLink.split(
    (operation) => operation.operationType === 'subscription',
    // Subscriptions (the header's notifications) go over a WebSocket whose client loads on first use.
    lazySubscriptionLink,
    ApolloLink.split(
      (operation) => operation.operationType === 'query' && PUBLIC_READS.has(operation.operationName ?? '') && persistedHash(operation.query) !== null,
      publicReads,
      http,
    ),
  );
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({ link: createApolloLink(), cache: createCache() });
}
