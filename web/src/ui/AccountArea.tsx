import { useMutation } from '@apollo/client/react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { errorCodeOf, useI18n } from '../app/i18n';
import { pageLoad } from '../app/pageLoad';
import type { ViewerState } from '../app/viewer';
import { graphql } from '../gql';

// Loaded only for someone signed in: with it come the notification words and the WebSocket client.
const NotificationsLink = lazy(() => import('../features/notifications/NotificationsLink'));

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/** The header's right-hand side: who is signed in and a way out, or the ways in. */
export function AccountArea({ viewer }: { viewer: ViewerState }) {
  const { t, errorMessage } = useI18n();
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [error, setError] = useState<unknown>(null);

  if (viewer.status === 'loading' || viewer.status === 'failed') return null;

  if (viewer.status === 'signedOut') {
    return (
      <ul className="account-area account-area--signed-out">
        <li>
          <Link to="/pupil-sign-in">{t('layout.pupilSignIn')}</Link>
        </li>
        <li>
          <Link to="/sign-in">{t('layout.signIn')}</Link>
        </li>
      </ul>
    );
  }

  const handleSignOut = async () => {
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      // An expired session is as good as signed out; anything else, the person should hear about.
      if (errorCodeOf(caught) !== 'UNAUTHENTICATED') {
        setError(caught);
        return;
      }
    }
    // A fresh page load drops everything of this person's: the Apollo cache, but also what
    // pages hold in their own state (a pasted roster, a half-written form).
    pageLoad.load('/');
  };

  return (
    <div className="account-area" role="group" aria-label={t('layout.account')}>
      <Suspense
        fallback={
          <span className="notify-link notify-link--pending" aria-hidden="true">
            {t('layout.notifications')}
          </span>
        }
      >
        <NotificationsLink role={viewer.me.role} />
      </Suspense>
      <p className="account-area__who">
        <span className="account-area__name">{viewer.me.displayName}</span>
        <span className="account-area__role">{t(`role.${viewer.me.role}`)}</span>
      </p>
      {viewer.me.role !== 'PUPIL' && (
        <Link to="/account/password" className="account-area__link">
          {t('layout.changePassword')}
        </Link>
      )}
      <button type="button" className="button button--secondary" onClick={() => void handleSignOut()} disabled={loading}>
        {t('layout.signOut')}
      </button>
      {error !== null && (
        <p className="account-area__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
