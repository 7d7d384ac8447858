/** A date of a year's actuals (the monitoring date, a record's date): a picker held to the budget year, never empty. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { yearBounds } from './dates.ts';

interface Props {
  'aria-label': string;
  year: number;
  /** YYYY-MM-DD; null while unknown. */
  value: string | null;
  onChange: (date: string) => void;
  disabled?: boolean;
}

export function YearDatePicker({ year, value, onChange, ...rest }: Props) {
  const [min, max] = yearBounds(year);
  return (
    <DatePicker
      {...rest}
      value={value === null ? null : dayjs(value)}
      allowClear={false}
      minDate={dayjs(min)}
      maxDate={dayjs(max)}
      onChange={(v) => v && onChange(v.format('YYYY-MM-DD'))}
    />
  );
}
