/**
 * The parts of a document — 部门整体绩效目标 and each project — as one row of tabs that wraps
 * instead of hiding projects behind a menu: a unit sees every project, with its error count.
 */
import { Badge } from 'antd';
import type { ReactNode } from 'react';

export interface Part {
  key: string;
  label: string;
  errors?: number;
}

export function PartNav({ parts, active, onChange, label, extra }: { parts: Part[]; active: string; onChange: (key: string) => void; label: string; extra?: ReactNode }) {
  return (
    <div className="part-nav">
      <div role="tablist" aria-label={label} className="part-nav-list">
        {parts.map((p) => (
          <button
            key={p.key}
            type="button"
            role="tab"
            aria-selected={p.key === active}
            className={`part-tab${p.key === active ? ' part-tab-active' : ''}`}
            title={p.label}
            onClick={() => onChange(p.key)}
          >
            <span className="part-tab-label">{p.label}</span>
            {(p.errors ?? 0) > 0 && <Badge count={p.errors} size="small" />}
          </button>
        ))}
      </div>
      {extra}
    </div>
  );
}
