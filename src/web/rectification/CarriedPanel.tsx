/**
 * In next year's draft, under a project: what the draft carried from last year's document when it
 * was copied — the project's self-evaluation and evaluation results and its 整改 items not yet
 * closed. Read-only: the items are answered on their own page.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { rectificationQueries } from './api.ts';
import { StateTag } from './StateTag.tsx';

export function CarriedPanel({ documentId, projectCode }: { documentId: number; projectCode: string }) {
  const m = useMessages().rectification.carried;
  const carried = useQuery(rectificationQueries.carried(documentId)).data;
  if (!carried || carried.fromYear === null) return null;
  const result = carried.results.find((r) => r.projectCode === projectCode);
  const items = carried.rectifications.filter((i) => i.projectCode === projectCode);
  if (!result && items.length === 0) return null;
  const score = (s: string | null, g: (typeof carried.results)[number]['selfGrade']) =>
    s === null || g === null ? (
      m.none
    ) : (
      <>
        {s} <GradeTag grade={g} />
      </>
    );
  return (
    <Card size="small" className="carried-panel" title={m.title(carried.fromYear)} data-testid="carried-panel">
      {result && (
        <Space size="large" wrap>
          <span>
            {m.selfEvaluation}：{score(result.selfScore, result.selfGrade)}
          </span>
          <span>
            {m.evaluation}：{score(result.evaluationScore, result.evaluationGrade)}
          </span>
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {items.length > 0 ? m.openItems(items.length) : m.noItems}
      </Typography.Paragraph>
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item>
              <Link to={`/rectifications/${i.id}`}>{i.finding}</Link>
              <span>
                <StateTag state={i.state} overdue={i.overdue} /> {i.deadline}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
