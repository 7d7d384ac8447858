/** An indicator row as the 监控表 and the 自评表 name it: its levels above its description. */
import { Typography } from 'antd';

export function IndicatorCell({ row }: { row: { level1: string; level2: string; level3: string; description: string } }) {
  return (
    <div>
      <Typography.Text type="secondary" className="indicator-levels">
        {[row.level1, row.level2, row.level3].filter(Boolean).join(' / ')}
      </Typography.Text>
      <div>{row.description}</div>
    </div>
  );
}
