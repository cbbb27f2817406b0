import { THEMES, isTheme as isDomainTheme } from '@lmr/domain';
import type { Theme } from '../../gql/graphql';

/** The themes in the order the museum lists them (shared with the API through @lmr/domain). */
export const themes: readonly Theme[] = THEMES;

export function isTheme(value: unknown): value is Theme {
  return isDomainTheme(value);
}
