import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';

describe('BarChart', () => {
  const series = [
    { key: 'done', label: 'Submitted' },
    { key: 'open', label: 'Drafting' },
  ];
  const rows = [
    { key: 'a', label: 'Step 1', values: { done: 3, open: 1 } },
    { key: 'b', label: 'Step 2', values: { done: 0, open: 4 } },
  ];

  it('keeps every number in a table a screen reader can read', () => {
    render(<BarChart title="Class states" series={series} rows={rows} format={String} />);
    const table = screen.getByRole('table');
    const first = within(table).getByRole('row', { name: /Step 1/ });
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3', '1']);
    expect(screen.getByRole('columnheader', { name: 'Drafting' })).toBeTruthy();
  });

  it('draws segments in proportion to the largest total and skips zeros', () => {
    const { container } = render(<BarChart title="Class states" series={series} rows={rows} format={String} />);
    const segments = [...container.querySelectorAll<HTMLElement>('.bar-chart__seg')];
    expect(segments.map((segment) => segment.style.width)).toEqual(['75%', '25%', '100%']);
  });
});
