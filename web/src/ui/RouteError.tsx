import { useRouteError } from 'react-router';
import { ErrorMessage } from './ErrorMessage';

/**
 * Catches what a page throws while rendering, and a lazy page that fails to download
 * (a fetch TypeError, shown as the network sentence). Rendered inside the layout.
 */
export function RouteError() {
  const error = useRouteError();
  return (
    <section className="page page--narrow">
      <ErrorMessage error={error} onRetry={() => window.location.reload()} />
    </section>
  );
}
