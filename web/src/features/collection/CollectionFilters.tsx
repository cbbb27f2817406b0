import { useEffect, useId, useState, type FormEvent } from 'react';
import { useT } from '../../app/i18n';
import type { Theme } from '../../gql/graphql';
import { ThemeSelect } from '../../ui/ThemeSelect';

interface CollectionFiltersProps {
  search: string;
  theme: Theme | null;
  onSearch: (search: string) => void;
  onThemeChange: (theme: Theme | null) => void;
}

export function CollectionFilters({ search, theme, onSearch, onThemeChange }: CollectionFiltersProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(search);

  // Follow the URL when it changes from outside the form (back button, a link).
  useEffect(() => setDraft(search), [search]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft.trim());
  };

  return (
    <form className="collection-filters" role="search" aria-label={t('collection.filters')} onSubmit={submit}>
      <div className="field field--grow">
        <label htmlFor={`${id}-search`}>{t('collection.searchLabel')}</label>
        <div className="field__row">
          <input
            id={`${id}-search`}
            type="search"
            name="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t('collection.searchButton')}
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t('collection.searchHint')}
        </p>
      </div>
      <ThemeSelect label={t('collection.themeLabel')} allLabel={t('collection.allThemes')} name="theme" value={theme} onChange={onThemeChange} />
    </form>
  );
}
