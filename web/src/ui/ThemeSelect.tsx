import { useT } from '../app/i18n';
import { isTheme, themes } from '../features/collection/themes';
import type { Theme } from '../gql/graphql';
import { SelectField } from './Field';

interface ThemeSelectProps {
  label: string;
  /** The first option, which filters by no theme. */
  allLabel: string;
  value: Theme | null;
  onChange: (theme: Theme | null) => void;
  name?: string;
}

/** A filter by one of the museum's themes, in the museum's order, or by none. */
export function ThemeSelect({ label, allLabel, value, onChange, name }: ThemeSelectProps) {
  const t = useT();
  return (
    <SelectField label={label} name={name} value={value ?? ''} onChange={(event) => onChange(isTheme(event.target.value) ? event.target.value : null)}>
      <option value="">{allLabel}</option>
      {themes.map((theme) => (
        <option key={theme} value={theme}>
          {t(`theme.${theme}`)}
        </option>
      ))}
    </SelectField>
  );
}
