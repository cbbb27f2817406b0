/** The museum programme's course themes, in the order the museum lists them. */
export const THEMES = ['HISTORY', 'CRAFTS', 'SCIENCE', 'ART', 'CHARACTERS'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_NAMES: Record<Theme, { zh: string; en: string }> = {
  HISTORY: { zh: '辽宁历史发展', en: "Liaoning's historical development" },
  CRAFTS: { zh: '传统工艺', en: 'Traditional crafts' },
  SCIENCE: { zh: '科技成就', en: 'Science and technology achievements' },
  ART: { zh: '文化艺术', en: 'Culture and art' },
  CHARACTERS: { zh: '汉字之旅', en: 'Journey Through Chinese Characters' },
};

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
