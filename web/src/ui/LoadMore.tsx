import { ErrorMessage } from './ErrorMessage';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  /** Why the last page failed to load, or null. */
  error: unknown;
  onLoadMore: () => void;
  label: string;
  /** Said on the button while the next page loads; the label otherwise. */
  loadingLabel?: string;
}

/** The end of a paged list: why the next page failed (with a retry), and the button for it. */
export function LoadMore({ hasMore, loading, error, onLoadMore, label, loadingLabel }: LoadMoreProps) {
  return (
    <>
      {error !== null && error !== undefined && <ErrorMessage error={error} onRetry={onLoadMore} />}
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={onLoadMore} disabled={loading}>
            {loading ? (loadingLabel ?? label) : label}
          </button>
        </div>
      )}
    </>
  );
}
