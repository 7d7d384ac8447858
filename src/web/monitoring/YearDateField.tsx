/** The date a year's actuals are read at (监控 date, dashboard date): a picker held to the budget year. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { yearBounds } from './dates.ts';

interface Props {
  label: string;
  year: number;
  /** YYYY-MM-DD; null while unknown. */
  value: string | null;
  onChange: (date: string) => void;
}

export function YearDateField({ label, year, value, onChange }: Props) {
  const [min, max] = yearBounds(year);
  return (
    <label className="inline-field">
      <span>{label}</span>
      <DatePicker
        aria-label={label}
        value={value === null ? null : dayjs(value)}
        allowClear={false}
        minDate={dayjs(min)}
        maxDate={dayjs(max)}
        onChange={(v) => v && onChange(v.format('YYYY-MM-DD'))}
      />
    </label>
  );
}
