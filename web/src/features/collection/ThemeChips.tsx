import { useT } from '../../app/i18n';
import type { Theme } from '../../gql/graphql';

export function ThemeChips({ themes, label }: { themes: readonly Theme[]; label: string }) {
  const t = useT();
  if (themes.length === 0) return null;
  return (
    <ul className="theme-chips" aria-label={label}>
      {themes.map((theme) => (
        <li key={theme} className={`theme-chip theme-chip--${theme.toLowerCase()}`}>
          {t(`theme.${theme}`)}
        </li>
      ))}
    </ul>
  );
}
