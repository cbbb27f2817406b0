import { passwordProblem } from '@lmr/domain';
import { badInput } from '../common/errors';

/** Applies the password policy; the error names the field and the problem for the portal to explain. */
export function checkNewPassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem === 'TOO_SHORT') throw badInput(field, 'the password needs at least 10 characters', { reason: problem });
  if (problem === 'TOO_LONG') throw badInput(field, 'the password is too long', { reason: problem });
  if (problem === 'TOO_COMMON') throw badInput(field, 'the password is too easy to guess', { reason: problem });
}
