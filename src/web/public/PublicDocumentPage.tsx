/**
 * A published document as published: 第一部分 部门整体绩效目标, 第二部分 each 项目绩效目标表, read-only, with
 * downloads, and beside each indicator's target its comparison with other units' (同类比较).
 */
import { useQuery } from '@tanstack/react-query';
import { Anchor, Result, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { DepartmentView } from '../form/DepartmentView.tsx';
import { IndicatorTableView } from '../form/IndicatorTableView.tsx';
import { ProjectForm } from '../form/ProjectForm.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { PeerComparison } from './PeerComparison.tsx';
import { PublicAdjustments, usePublicAdjustments } from '../adjustments/PublicAdjustments.tsx';
import { labelOf } from '../../core/library/observation.ts';
import { queries } from '../api/queries.ts';

export default function PublicDocumentPage() {
  const m = useMessages();
  const w = m.web;
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const doc = useQuery(queries.publicDocument(id));
  const adjusted = (usePublicAdjustments(id).data?.items.length ?? 0) > 0;
  const focusProject = params.get('project');

  useEffect(() => {
    if (doc.data && focusProject) document.getElementById(`project-${focusProject}`)?.scrollIntoView({ block: 'start' });
  }, [doc.data, focusProject]);

  if (doc.error) {
    const status = doc.error instanceof ApiFailure ? doc.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 401 || status === 403 ? '403' : 'error'}
        title={status === 401 || status === 403 ? w.publicDocument.notPublished : doc.error.message}
      />
    );
  }
  if (!doc.data) return <PageLoading />;
  const d = doc.data;
  return (
    <div className="public-document">
      <div className="public-document-body">
        <Typography.Title level={2} className="document-title">
          {w.publicDocument.title(d.meta.unitName, d.meta.year)}
        </Typography.Title>
        <Space wrap className="document-meta">
          {d.meta.publishedAt && (
            <Typography.Text type="secondary">
              {w.publicDocument.publishedAt(new Date(d.meta.publishedAt).toLocaleDateString())}
            </Typography.Text>
          )}
          <ExportButtons documentId={id} />
        </Space>
        <section id="part-1">
          <Typography.Title level={3} className="part-title">
            {w.publicDocument.part1}
          </Typography.Title>
          <DepartmentView department={d.department} />
        </section>
        <section id="part-2">
          <Typography.Title level={3} className="part-title">
            {w.publicDocument.part2}
          </Typography.Title>
          {d.projects.map((p) => (
            <section key={p.id} id={`project-${p.id}`} className="public-project">
              <ProjectForm
                project={p}
                projectId={p.id}
                indicators={
                  <IndicatorTableView
                    indicators={p.indicators}
                    code={p.code}
                    projectId={p.id}
                    targetExtra={(i) => <PeerComparison indicatorId={p.indicators[i]!.id} label={labelOf(p.indicators[i]!)} />}
                  />
                }
              />
            </section>
          ))}
        </section>
        <PublicAdjustments documentId={id} />
      </div>
      <nav className="public-toc" aria-label={w.publicDocument.contents}>
        <Anchor
          offsetTop={16}
          items={[
            { key: 'part-1', href: '#part-1', title: w.publicDocument.part1 },
            {
              key: 'part-2',
              href: '#part-2',
              title: w.publicDocument.part2,
              children: d.projects.map((p, i) => ({
                key: `p${p.id}`,
                href: `#project-${p.id}`,
                title: w.editor.projectTab(i + 1, p.name),
              })),
            },
            ...(adjusted ? [{ key: 'adjustments', href: '#adjustments', title: m.adjustments.page.publicTitle }] : []),
          ]}
        />
      </nav>
    </div>
  );
}
