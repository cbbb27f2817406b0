import type { PasswordProblem } from '@lmr/domain';
import { useFeatureI18n } from '../../app/i18n';
import { TextField } from '../../ui/Field';
import { authMessages } from './messages';

interface NewPasswordFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  problem: PasswordProblem | null;
}

/** A new password with the policy as its hint and the policy's problems as its errors. */
export function NewPasswordField({ label, name, value, onChange, problem }: NewPasswordFieldProps) {
  const { t } = useFeatureI18n(authMessages);
  return (
    <TextField
      label={label}
      hint={t('password.policy')}
      type="password"
      name={name}
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={problem ? t(`password.${problem}`) : null}
      required
    />
  );
}
