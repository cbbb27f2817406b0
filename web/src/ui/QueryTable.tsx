import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { TableScroll } from './TableScroll';

interface QueryTableProps<Row> {
  /** Names the table (its caption) and its scrolling region. */
  label: string;
  columns: string[];
  /** The rows once loaded; undefined while loading or when loading failed. */
  rows: readonly Row[] | undefined;
  error: unknown;
  onRetry: () => void;
  /** Said instead of an empty table; without it, an empty table is shown. */
  empty?: string;
  /** One `<tr>` per row, its first cell a `<th scope="row">`. */
  children: (row: Row) => ReactNode;
}

/** A list page's table with its loading, failure and empty states, scrollable on a phone. */
export function QueryTable<Row>({ label, columns, rows, error, onRetry, empty, children }: QueryTableProps<Row>) {
  if (!rows) return error ? <ErrorMessage error={error} onRetry={onRetry} /> : <Loading />;
  if (rows.length === 0 && empty) return <p className="empty-state">{empty}</p>;
  return (
    <TableScroll label={label}>
      <table className="table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </TableScroll>
  );
}
