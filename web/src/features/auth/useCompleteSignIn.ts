import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { pathAfterSignIn } from '../../app/viewer';
import type { Role } from '../../gql/graphql';

/**
 * After a successful sign-in: start from an empty cache (nothing of a previous person on a
 * shared tablet) and ask again who is here, now with the new session cookie, so the header
 * and the guards agree; then go where the person was heading.
 */
export function useCompleteSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async ({ me }: { me: { role: Role } }) => {
    await client.resetStore();
    await navigate(pathAfterSignIn(me.role, params.get('next')), { replace: true });
  };
}
