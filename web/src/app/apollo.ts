import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
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

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Same origin as the portal (the API serves both), so the session cookie goes along.
    // Subscriptions (the header's notifications) go over a WebSocket whose client loads on first use.
    link: ApolloLink.split((operation) => operation.operationType === 'subscription', lazySubscriptionLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache: createCache(),
  });
}
