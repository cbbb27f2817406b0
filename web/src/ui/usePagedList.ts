import { NetworkStatus } from '@apollo/client';
import { useState } from 'react';

/** What the hook needs of a `useQuery` result whose list pages with `after`. */
interface PagedQuery {
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>;
  networkStatus: NetworkStatus;
  variables: unknown;
}

interface PageInfo {
  endCursor?: string | null;
  hasNextPage: boolean;
}

/** The end of a paged list, as `<LoadMore>` shows it. */
export interface PagedList {
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last page failed to load, or null. */
  moreError: unknown;
  loadMore: () => void;
}

/**
 * Loads the page after `pageInfo`. The cache joins the pages: the list's field needs a
 * `connectionFieldPolicy` in app/apollo.ts, or the next page is stored apart and never shown.
 * A failed page is reported only until the list changes (other filters, a page that did load),
 * so the message never sits under a list it did not happen to.
 */
export function usePagedList(query: PagedQuery, pageInfo: PageInfo | null | undefined): PagedList {
  const endCursor = pageInfo?.endCursor ?? null;
  const list = JSON.stringify([query.variables, endCursor]);
  // Remembered with the list it happened to; shown only while that list is on screen.
  const [failure, setFailure] = useState<{ list: string; error: unknown } | null>(null);

  const loadMore = () => {
    if (!endCursor) return;
    setFailure(null);
    query.fetchMore({ variables: { after: endCursor } }).catch((error: unknown) => setFailure({ list, error }));
  };

  return {
    hasMore: Boolean(pageInfo?.hasNextPage),
    loadingMore: query.networkStatus === NetworkStatus.fetchMore,
    moreError: failure?.list === list ? failure.error : null,
    loadMore,
  };
}
