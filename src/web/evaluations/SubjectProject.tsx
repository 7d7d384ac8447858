/** The evaluated project as its unit declared it, read-only: budget, goals and indicators (what an evaluator checks against). */
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';

export function SubjectProject({ documentId, projectCode }: { documentId: number; projectCode: string }) {
  const all = useMessages();
  const m = all.evaluations.page;
  const headings = all.web.project;
  const doc = useQuery({ queryKey: ['documents', documentId], queryFn: () => endpoints.document(documentId) });
  const project = doc.data?.projects.find((p) => p.code === projectCode);
  if (!project) return null;
  return (
    <Card size="small" title={m.subjectDocument} className="evaluation-subject">
      <Typography.Paragraph>
        <strong>{project.name}</strong>（{project.code}）{project.budget.total !== null && ` · ${m.budget(project.budget.total)}`}
      </Typography.Paragraph>
      {project.goals.map((g, i) => (
        <Typography.Paragraph key={i}>{g.text}</Typography.Paragraph>
      ))}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.indicators}
        columns={[
          { title: headings.level1, dataIndex: 'level1', width: 110 },
          { title: headings.level2, dataIndex: 'level2', width: 110 },
          { title: headings.description, dataIndex: 'description' },
          { title: headings.target, dataIndex: 'target', width: 120 },
        ]}
      />
    </Card>
  );
}
