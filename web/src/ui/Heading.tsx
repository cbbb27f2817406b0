import type { HTMLAttributes, Ref } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: number;
  ref?: Ref<HTMLHeadingElement>;
}

/**
 * A heading whose level comes from where it is placed, so a component used under an h2 in one
 * page and under an h3 in another keeps the outline without skipped levels.
 */
export function Heading({ level, ...props }: HeadingProps) {
  const Tag = `h${Math.min(6, Math.max(1, level)) as HeadingLevel}` as const;
  return <Tag {...props} />;
}
