import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a phone. The region can take focus so keyboard users
 * can scroll it too, and is named after its table.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
