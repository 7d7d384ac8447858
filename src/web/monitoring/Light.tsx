/** A traffic light (绿灯/黄灯/红灯) as a tag with a coloured dot, named in words for everyone. */
import { Tag } from 'antd';
import type { Light } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };

export function LightTag({ light, suffix }: { light: Light; suffix?: string }) {
  const m = useMessages();
  return (
    <Tag color={COLORS[light]} data-light={light} className="light-tag">
      <span className={`light-dot light-${light}`} aria-hidden="true" />
      {m.monitoring.lights[light]}
      {suffix}
    </Tag>
  );
}
