/** Under a project: the transfer-payment funds broken down to it (nothing when there are none). */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useMessages } from '../app/locale.tsx';
import { transferQueries } from './transfer-api.ts';

export function ProjectTransfers({ projectId }: { projectId: number }) {
  const m = useMessages().transfer.page;
  const funds = useQuery(transferQueries.projectTransfers(projectId));
  if (!funds.data || funds.data.length === 0) return null;
  return (
    <Alert
      className="project-transfers"
      type="info"
      showIcon
      title={m.spends}
      description={
        <ul>
          {funds.data.map((t) => (
            <li key={t.breakdownId}>{m.spendsLine(t.fund.name, t.fund.bureauName, t.amount)}</li>
          ))}
        </ul>
      }
    />
  );
}
