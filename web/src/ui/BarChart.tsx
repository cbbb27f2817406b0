export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** A count (or score) per series key; a missing key counts as 0. */
  values: Record<string, number>;
}

interface BarChartProps {
  title: string;
  /** One colour per series, in the order given; a single series draws plain bars. */
  series: ChartSeries[];
  rows: ChartRow[];
  /** Formats a number for the viewer's language. */
  format: (value: number) => string;
  /** The largest value a bar can reach; defaults to the largest row total. */
  max?: number;
  /** Said after each row's total, e.g. "pupils"; empty by default. */
  unit?: string;
}

const palette = 8;

/**
 * A horizontal (stacked) bar chart drawn with plain elements, so it needs no chart library.
 * The numbers stay in a real table: a screen reader reads rows and columns, a sighted teacher
 * sees the bars. Colours are repeated as a legend, and every segment has its number as text.
 */
export function BarChart({ title, series, rows, format, max, unit = '' }: BarChartProps) {
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const scale = max ?? Math.max(1, ...totals);
  const stacked = series.length > 1;
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      {stacked && (
        <ul className="bar-chart__legend" aria-hidden="true">
          {series.map((s, index) => (
            <li key={s.key}>
              <span className={`bar-chart__swatch bar-chart__seg--${index % palette}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <table className="bar-chart__table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{title}</th>
            <td aria-hidden="true" />
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={row.key}>
              <th scope="row" className="bar-chart__label">
                {row.label}
              </th>
              <td className="bar-chart__bar-cell" aria-hidden="true">
                <div className="bar-chart__track">
                  {series.map((s, index) => {
                    const value = row.values[s.key] ?? 0;
                    if (value <= 0) return null;
                    return (
                      <span
                        key={s.key}
                        className={`bar-chart__seg bar-chart__seg--${index % palette}`}
                        style={{ width: `${Math.min(100, (value / scale) * 100)}%` }}
                        title={`${s.label}: ${format(value)}`}
                      >
                        {stacked && value / scale >= 0.08 ? format(value) : ''}
                      </span>
                    );
                  })}
                </div>
                <span className="bar-chart__total">
                  {format(totals[rowIndex] ?? 0)}
                  {unit ? ` ${unit}` : ''}
                </span>
              </td>
              {series.map((s) => (
                <td key={s.key} className="visually-hidden">
                  {format(row.values[s.key] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
