import { ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';

type Terminating = { request: (operation: ApolloLink.Operation) => Observable<ApolloLink.Result> };

let connecting: Promise<Terminating> | null = null;

/** One WebSocket per page load, opened by the first subscription and shared by the rest. */
function webSocketLink(): Promise<Terminating> {
  connecting ??= Promise.all([import('graphql-ws/client'), import('@apollo/client/link/subscriptions')]).then(([{ createClient }, { GraphQLWsLink }]) => {
    const url = new URL('/graphql', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // The session cookie goes along with the upgrade request: same origin, nothing to pass here.
    return new GraphQLWsLink(createClient({ url: url.href, lazy: true, retryAttempts: Infinity }));
  });
  return connecting;
}

/**
 * Subscriptions go over graphql-ws, loaded only when the first subscription starts (a signed-in
 * person's header), so the sign-in page and the first screen never download it.
 */
export const lazySubscriptionLink = new ApolloLink(
  (operation) =>
    new Observable<ApolloLink.Result>((observer) => {
      let inner: { unsubscribe: () => void } | null = null;
      let closed = false;
      webSocketLink().then(
        (link) => {
          if (!closed) inner = link.request(operation).subscribe(observer);
        },
        (error: unknown) => {
          // The chunk could not load (offline): the next subscription tries again.
          connecting = null;
          observer.error(error);
        },
      );
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    }),
);
