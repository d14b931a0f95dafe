import type { ReactNode } from 'react';

export interface BarItem {
  key: string;
  name: string;
  value: number;
  /** The value as people read it (`£12,300`). */
  display: string;
  /** A second line of text (`3 invoices · £1,200 outstanding`). */
  detail?: string;
}

/**
 * A ranked list with proportional bars: the text carries every figure; the bar is decoration. Names are data from
 * a provider and render as text only.
 */
export function BarList({ items, label }: { items: readonly BarItem[]; label: string }): ReactNode {
  const max = Math.max(0, ...items.map((i) => i.value)) || 1;
  return (
    <ol className="hbars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="hbar">
          <div className="hbar__head">
            <span className="hbar__name">{item.name}</span>
            <span className="hbar__value">{item.display}</span>
          </div>
          {item.detail && <div className="muted hbar__detail">{item.detail}</div>}
          <div className="hbar__track" aria-hidden="true">
            <span className="hbar__fill" style={{ width: `${Math.max(0, (item.value / max) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
