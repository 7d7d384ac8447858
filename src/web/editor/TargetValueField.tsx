/** The 指标值 cell: what the user writes, and right under it how the target-value grammar reads it, as they type. */
import { Input } from 'antd';
import { useId, useMemo } from 'react';
import { halfWidthTarget } from '../../core/text/half-width.ts';
import { useMessages } from '../app/locale.tsx';
import { textCount } from '../form/fields.tsx';
import { readTarget } from './target-reading.ts';

interface Props {
  value: string;
  onChange: (text: string) => void;
  status?: 'error' | 'warning';
  'aria-label'?: string;
  'data-col'?: string;
}

export function TargetValueField({ value, onChange, status, ...rest }: Props) {
  const m = useMessages().web.targetValue;
  const id = useId();
  const reading = useMemo(() => readTarget(value, m), [value, m]);
  return (
    <div className="target-field">
      <Input
        {...rest}
        value={value}
        status={reading.state === 'unreadable' ? 'error' : status}
        count={textCount('target')}
        aria-describedby={id}
        onChange={(e) => onChange(e.target.value)}
        // Leaving the cell writes the value as it is stored: ≥９５％ is ≥95%.
        onBlur={() => {
          const half = halfWidthTarget(value);
          if (half !== value) onChange(half);
        }}
      />
      <div id={id} className={`target-reading target-${reading.state}`} aria-live="polite" data-testid="target-reading">
        {reading.state === 'ok' ? (
          <>
            <span className="sr-only">{m.reading}</span>
            {reading.parts.map((p) => (
              <span key={p.title} className="reading-part" title={p.title}>
                <span className="sr-only">{p.title}</span>
                <span aria-hidden="true">{p.text}</span>
              </span>
            ))}
          </>
        ) : reading.state === 'empty' ? (
          m.empty
        ) : (
          m.unreadable
        )}
      </div>
    </div>
  );
}
