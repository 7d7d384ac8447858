/** The 实际值 field: what the user writes, and under it how it is read against the row's target, as they type. */
import { Input } from 'antd';
import { useId, useMemo } from 'react';
import { useMessages } from '../app/locale.tsx';
import { readActual } from './actual-reading.ts';

interface Props {
  value: string;
  target: string;
  onChange: (text: string) => void;
  'aria-label': string;
  disabled?: boolean;
}

export function ActualValueField({ value, target, onChange, disabled, ...rest }: Props) {
  const m = useMessages();
  const id = useId();
  const reading = useMemo(() => readActual(value, target, m), [value, target, m]);
  return (
    <div className="target-field">
      <Input
        {...rest}
        value={value}
        disabled={disabled}
        status={reading.state === 'notComparable' ? 'warning' : undefined}
        aria-describedby={id}
        onChange={(e) => onChange(e.target.value)}
      />
      <div
        id={id}
        className={`target-reading actual-${reading.state}${reading.met === false ? ' actual-unmet' : ''}`}
        aria-live="polite"
        data-testid="actual-reading"
      >
        {reading.text}
      </div>
    </div>
  );
}
