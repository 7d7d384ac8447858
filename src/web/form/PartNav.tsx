/**
 * The parts of a document — 部门整体绩效目标 and each project — as one row of tabs that wraps
 * instead of hiding projects behind a menu: a unit sees every project, with its error count.
 * Keyboard as for any tab list: Tab reaches the open part, ←/→ (Home/End) open the others.
 */
import { Badge } from 'antd';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Part {
  key: string;
  label: string;
  errors?: number;
}

const STEPS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function PartNav({
  parts,
  active,
  onChange,
  label,
  extra,
}: {
  parts: Part[];
  active: string;
  onChange: (key: string) => void;
  label: string;
  extra?: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    if (!step || parts.length === 0) return;
    e.preventDefault();
    const next = step(
      Math.max(
        parts.findIndex((p) => p.key === active),
        0,
      ),
      parts.length,
    );
    onChange(parts[next]!.key);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className="part-nav">
      <div role="tablist" aria-label={label} className="part-nav-list" ref={list} onKeyDown={onKeyDown}>
        {parts.map((p) => (
          <button
            key={p.key}
            type="button"
            role="tab"
            aria-selected={p.key === active}
            tabIndex={p.key === active ? 0 : -1}
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
