import { registerEnumType } from '@nestjs/graphql';
import { THEMES, type Theme } from '@lmr/domain';

/** The programme's course themes as a GraphQL enum. */
export const ThemeEnum = Object.fromEntries(THEMES.map((t) => [t, t])) as { [K in Theme]: K };

registerEnumType(ThemeEnum, { name: 'Theme', description: "The museum programme's course themes" });
