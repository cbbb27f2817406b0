import { NavLink, Outlet } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminMessages } from './messages';

const sections = [
  { to: '/admin', label: 'admin.schools', end: true },
  { to: '/admin/staff', label: 'admin.staff', end: false },
  { to: '/admin/invitations', label: 'admin.invitations', end: false },
  { to: '/admin/audit', label: 'admin.audit', end: false },
  { to: '/admin/privacy', label: 'admin.privacy', end: false },
] as const;

export function AdminLayout() {
  const { t } = useFeatureI18n(adminMessages);
  usePageTitle(t('admin.title'));
  return (
    <section className="page" aria-labelledby="admin-heading">
      <h1 id="admin-heading">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.sections')}>
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
