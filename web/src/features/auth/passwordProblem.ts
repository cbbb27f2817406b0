import { passwordProblem, type PasswordProblem } from '@lmr/domain';
import { fieldErrorOf } from '../../app/i18n';

const problems: readonly PasswordProblem[] = ['TOO_SHORT', 'TOO_LONG', 'TOO_COMMON'];

/** The policy problem with a new password: checked here first, and as the API reports it. */
export function newPasswordProblem(password: string, apiError?: unknown): PasswordProblem | null {
  const local = passwordProblem(password);
  if (local) return local;
  const field = apiError ? fieldErrorOf(apiError) : null;
  return field && (problems as readonly string[]).includes(field.reason ?? '') ? (field.reason as PasswordProblem) : null;
}
