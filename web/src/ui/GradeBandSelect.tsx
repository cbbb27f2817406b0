import { useI18n } from '../app/i18n';
import { gradeBandName, gradeBands, isGradeBand } from '../features/review/labels';
import type { GradeBand } from '../gql/graphql';
import { SelectField } from './Field';

interface GradeBandSelectProps {
  label: string;
  /** The first option, which filters by no grade band. */
  allLabel: string;
  value: GradeBand | null;
  onChange: (band: GradeBand | null) => void;
}

/** A filter by one of the museum's grade bands, or by none. */
export function GradeBandSelect({ label, allLabel, value, onChange }: GradeBandSelectProps) {
  const { language } = useI18n();
  return (
    <SelectField label={label} value={value ?? ''} onChange={(event) => onChange(isGradeBand(event.target.value) ? event.target.value : null)}>
      <option value="">{allLabel}</option>
      {gradeBands.map((band) => (
        <option key={band} value={band}>
          {gradeBandName(band, language)}
        </option>
      ))}
    </SelectField>
  );
}
