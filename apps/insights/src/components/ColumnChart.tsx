import { useId, type ReactNode } from 'react';

export interface Column {
  key: string;
  /** Short label under the column (`Mar`). */
  label: string;
  /** Full label for the table (`March 2026`). */
  fullLabel: string;
  value: number;
}

/**
 * A column chart in plain HTML/CSS (no chart library, no inline style markup: heights are set through the CSSOM,
 * which a strict CSP allows). The picture is one `role="img"` with a summary; the exact figures are in a table
 * anyone can open. Negative values hang below a zero line.
 */
export function ColumnChart({
  title,
  columns,
  format,
  caption,
  valueHeading,
}: {
  title: string;
  columns: readonly Column[];
  format: (value: number) => string;
  caption?: ReactNode;
  valueHeading: string;
}): ReactNode {
  const id = useId();
  const max = Math.max(0, ...columns.map((c) => c.value));
  const min = Math.min(0, ...columns.map((c) => c.value));
  const span = max - min || 1;
  const positiveShare = max / span;
  const highest = columns.reduce<Column | undefined>(
    (best, c) => (!best || c.value > best.value ? c : best),
    undefined,
  );
  const lowest = columns.reduce<Column | undefined>(
    (best, c) => (!best || c.value < best.value ? c : best),
    undefined,
  );
  const first = columns[0];
  const last = columns.at(-1);
  const summary =
    first && last && highest && lowest
      ? `${title}, ${first.fullLabel} to ${last.fullLabel}. Latest ${format(last.value)}; highest ${format(highest.value)} in ${highest.fullLabel}; lowest ${format(lowest.value)} in ${lowest.fullLabel}.`
      : `${title}: no figures yet.`;

  return (
    <figure className="chart">
      <div className="colchart" role="img" aria-label={summary}>
        <div className="colchart__plot">
          {columns.map((column) => {
            const share = Math.abs(column.value) / span;
            return (
              <div className="colchart__col" key={column.key}>
                <div className="colchart__pos" style={{ flexBasis: `${positiveShare * 100}%` }}>
                  {column.value > 0 && (
                    <span
                      className="colchart__bar"
                      style={{ height: `${(share / (positiveShare || 1)) * 100}%` }}
                    />
                  )}
                </div>
                <div className="colchart__neg" style={{ flexBasis: `${(1 - positiveShare) * 100}%` }}>
                  {column.value < 0 && (
                    <span
                      className="colchart__bar colchart__bar--negative"
                      style={{ height: `${(share / (1 - positiveShare || 1)) * 100}%` }}
                    />
                  )}
                </div>
              </div>
            );
          })}
        </div>
        <div className="colchart__labels" aria-hidden="true">
          {columns.map((column) => (
            <span key={column.key}>{column.label}</span>
          ))}
        </div>
      </div>
      {caption && <figcaption>{caption}</figcaption>}
      <details className="data-table">
        <summary>Show the figures as a table</summary>
        <div className="table-wrap">
          <table aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`}>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  {valueHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.key}>
                  <th scope="row">{column.fullLabel}</th>
                  <td className="num">{format(column.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
