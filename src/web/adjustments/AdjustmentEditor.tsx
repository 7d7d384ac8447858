/**
 * The adjusted targets of a 目标调整 request, edited as in the editor: a tab per project with its
 * 预算数 and its indicator table (the editor's IndicatorTable: rows changed, added, removed). The
 * content is held here and handed up whole; the page saves it.
 */
import { Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { TargetDocument } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { IndicatorTable } from '../editor/IndicatorTable.tsx';
import { editorProject, toProject, type EditorProject } from '../editor/model.ts';

interface Props {
  content: TargetDocument;
  onChange: (content: TargetDocument) => void;
}

export function AdjustmentEditor({ content, onChange }: Props) {
  const m = useMessages();
  const a = m.adjustments.page;
  const [projects, setProjects] = useState<EditorProject[]>(() => content.projects.map((p) => editorProject(p, null)));
  const update = (index: number, next: EditorProject) => {
    const all = projects.map((p, i) => (i === index ? next : p));
    setProjects(all);
    onChange({ ...content, projects: all.map(toProject) });
  };
  return (
    <Tabs
      className="adjustment-editor"
      items={projects.map((p, i) => ({
        key: p.key,
        label: m.web.editor.projectTab(i + 1, p.name),
        children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <label className="adjustment-budget">
              <span>{`${a.budget}（${p.amountUnit}）`}</span>
              <Input
                aria-label={`${a.budget} ${i + 1}`}
                value={p.budget.total ?? ''}
                style={{ width: 160 }}
                onChange={(e) =>
                  update(i, { ...p, budget: { ...p.budget, total: e.target.value.trim() === '' ? null : e.target.value.trim() } })
                }
              />
            </label>
            <IndicatorTable
              rows={p.indicators}
              onRows={(rows) => update(i, { ...p, indicators: rows })}
              year={content.year ?? new Date().getFullYear()}
              code={p.code}
              projectId={null}
            />
          </Space>
        ),
      }))}
    />
  );
}
