/**
 * A traffic light (绿灯/黄灯/红灯) as a tag with a coloured dot, named in words for everyone; an
 * indicator row with nothing recorded shows 未填报 instead, in grey: it has no light.
 */
import { Tag } from 'antd';
import type { IndicatorLight } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<IndicatorLight, string> = { green: 'success', yellow: 'warning', red: 'error', noData: 'default' };

export function LightTag({ light, suffix }: { light: IndicatorLight; suffix?: string }) {
  const m = useMessages();
  return (
    <Tag color={COLORS[light]} data-light={light} className="light-tag">
      <span className={`light-dot light-${light}`} aria-hidden="true" />
      {light === 'noData' ? m.monitoring.noData : m.monitoring.lights[light]}
      {suffix}
    </Tag>
  );
}
