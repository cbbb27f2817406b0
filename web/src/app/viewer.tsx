import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';
import { errorCodeOf, useT } from './i18n';

// Kept small on purpose: the shell asks it on every page. Pages ask for more themselves.
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
      role
    }
  }
`);

export type ViewerState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: { id: string; displayName: string; role: Role } }
  | { status: 'failed'; error: unknown; retry: () => void };

/** Who is signed in. UNAUTHENTICATED from `me` is the ordinary "nobody", not a failure. */
export function useViewer(): ViewerState {
  const { data, error, refetch } = useQuery(ViewerQuery);
  if (data?.me) return { status: 'signedIn', me: data.me };
  if (error) {
    return errorCodeOf(error) === 'UNAUTHENTICATED' ? { status: 'signedOut' } : { status: 'failed', error, retry: () => void refetch() };
  }
  return { status: 'loading' };
}

const homes: Record<Role, string> = {
  PUPIL: '/my',
  TEACHER: '/classes',
  MUSEUM_EDUCATOR: '/briefs',
  ADMIN: '/admin',
};

export function homePathFor(role: Role): string {
  return homes[role];
}

/**
 * Where to go after signing in: back to the page that asked for it, if that is a path of
 * this portal (never another site: `//evil.example` is refused), else the role's home.
 */
export function pathAfterSignIn(role: Role, next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return homePathFor(role);
}

interface RequireRoleProps {
  roles: readonly Role[];
  /** Pupils are sent to their own sign-in page. */
  signInPath?: '/sign-in' | '/pupil-sign-in';
}

/** Route guard: renders the child routes for the listed roles, sends everyone else away. */
export function RequireRole({ roles, signInPath = '/sign-in' }: RequireRoleProps) {
  const viewer = useViewer();
  const location = useLocation();
  if (viewer.status === 'loading') return <Loading />;
  if (viewer.status === 'failed') return <ErrorMessage error={viewer.error} onRetry={viewer.retry} />;
  if (viewer.status === 'signedOut') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${signInPath}?next=${next}`} replace />;
  }
  if (!roles.includes(viewer.me.role)) return <WrongRole home={homePathFor(viewer.me.role)} />;
  return <Outlet />;
}

function WrongRole({ home }: { home: string }): ReactNode {
  const t = useT();
  usePageTitle(t('guard.wrongRoleTitle'));
  return (
    <section className="page page--narrow">
      <h1>{t('guard.wrongRoleTitle')}</h1>
      <p>{t('guard.wrongRoleBody')}</p>
      <p>
        <Link to={home} className="button">
          {t('guard.goHome')}
        </Link>
      </p>
    </section>
  );
}
