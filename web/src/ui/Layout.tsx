import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useT } from '../app/i18n';
import { useViewer } from '../app/viewer';
import type { Role } from '../gql/graphql';
import { AccountArea } from './AccountArea';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';

const mainId = 'main';

function focusMain() {
  document.getElementById(mainId)?.focus();
}

/** Links each role gets in the main navigation, besides the public collection. */
const roleLinks: Record<Role, { to: string; label: 'nav.myProjects' | 'nav.classes' | 'nav.briefs' | 'nav.admin' | 'nav.review' | 'nav.programme' }[]> = {
  PUPIL: [{ to: '/my', label: 'nav.myProjects' }],
  TEACHER: [
    { to: '/classes', label: 'nav.classes' },
    { to: '/briefs', label: 'nav.briefs' },
  ],
  MUSEUM_EDUCATOR: [
    { to: '/briefs', label: 'nav.briefs' },
    { to: '/review', label: 'nav.review' },
    { to: '/programme', label: 'nav.programme' },
  ],
  ADMIN: [
    { to: '/admin', label: 'nav.admin' },
    { to: '/classes', label: 'nav.classes' },
    { to: '/programme', label: 'nav.programme' },
  ],
};

export function Layout() {
  const t = useT();
  const viewer = useViewer();
  const links = viewer.status === 'signedIn' ? roleLinks[viewer.me.role] : [];
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // Until the first answer to "who is this?", the header's height is unknown (a signed-in
  // person's name and sign-out button take a row of their own on a phone): the shell waits, as
  // the router's fallback already does, rather than pushing the page down when it arrives
  // (Lighthouse counted that as layout shift). Only the first time: a later refetch never hides
  // what is on screen.
  const viewerKnown = useRef(false);
  if (viewer.status !== 'loading') viewerKnown.current = true;

  // After a client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMain();
  }, [pathname]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    // Handled here so the router does not treat the fragment as a navigation.
    event.preventDefault();
    focusMain();
  };

  if (!viewerKnown.current) return <Loading />;

  return (
    <div className="app-shell">
      <a className="skip-link" href={`#${mainId}`} onClick={skipToMain}>
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__museum">{t('app.museum')}</span>
          </Link>
          <nav className="main-nav" aria-label={t('layout.mainNav')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('collection.title')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/exhibition">{t('nav.exhibition')}</NavLink>
              </li>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>{t(link.label)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
          <AccountArea viewer={viewer} />
        </div>
      </header>
      <main id={mainId} className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </div>
  );
}
