import { ErrorMessage } from './ErrorMessage';
import type { PagedList } from './usePagedList';

interface LoadMoreProps {
  /** The list's paging, from `usePagedList`. */
  paging: PagedList;
  label: string;
  /** Said on the button while the next page loads; the label otherwise. */
  loadingLabel?: string;
}

/** The end of a paged list: why the next page failed (with a retry), and the button for it. */
export function LoadMore({ paging: { hasMore, loadingMore, moreError, loadMore }, label, loadingLabel }: LoadMoreProps) {
  return (
    <>
      {moreError !== null && moreError !== undefined && <ErrorMessage error={moreError} onRetry={loadMore} />}
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? (loadingLabel ?? label) : label}
          </button>
        </div>
      )}
    </>
  );
}
