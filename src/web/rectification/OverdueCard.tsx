/** The count of overdue 整改 items the caller oversees (a bureau's, a unit's), linking to their list. */
import { WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { rectificationQueries } from './api.ts';

export function OverdueCard({ bureauId }: { bureauId?: number }) {
  const m = useMessages().rectification.dashboard;
  const summary = useQuery(rectificationQueries.summary(bureauId)).data;
  if (!summary) return null;
  return (
    <Card size="small" className="overdue-card" data-testid="overdue-card">
      <Link to="/rectifications?overdue=1" title={m.overdueHint}>
        <Statistic
          title={m.overdue}
          value={summary.overdue}
          prefix={<WarningOutlined />}
          valueStyle={summary.overdue > 0 ? { color: '#cf1322' } : undefined}
        />
      </Link>
    </Card>
  );
}
