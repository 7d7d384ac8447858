/** The findings beside the form: this part's (or the whole document's), worst first; each brings its field into view. */
import { AimOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Segmented, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { summarize } from '../../core/review/engine.ts';
import type { Finding } from '../../core/review/finding.ts';
import { useMessages } from '../app/locale.tsx';
import { FindingItem } from '../form/notes.tsx';
import { bySeverity } from './findings-index.ts';

interface Props {
  title: string;
  /** Findings of the part on screen. */
  part: readonly Finding[];
  all: readonly Finding[];
  /** Brings a finding's field into view; without it the findings are listed only. */
  onLocate?: (f: Finding) => void;
  /** A further action beside each finding (the review page's 下达整改). */
  action?: (f: Finding) => ReactNode;
}

export function FindingsPanel({ title, part, all, onLocate, action }: Props) {
  const m = useMessages().web;
  const [scope, setScope] = useState<'part' | 'all'>('part');
  const shown = [...(scope === 'part' ? part : all)].sort(bySeverity);
  const counts = summarize(all);
  return (
    <aside className="findings-panel" aria-label={title}>
      <div className="findings-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Space size={4} className="findings-counts" data-testid="finding-counts">
          <Badge color="#cf1322" text={`${m.severity.error} ${counts.error}`} />
          <Badge color="#d48806" text={`${m.severity.warning} ${counts.warning}`} />
          <Badge color="#1677ff" text={`${m.severity.info} ${counts.info}`} />
        </Space>
        <Segmented
          size="small"
          value={scope}
          onChange={(v) => setScope(v as 'part' | 'all')}
          options={[
            { value: 'part', label: `${m.editor.findingsForProject} ${part.length}` },
            { value: 'all', label: `${m.editor.findingsForDocument} ${all.length}` },
          ]}
        />
      </div>
      <div className="findings-list">
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.editor.findingsNone} />
        ) : (
          shown.map((f, i) => (
            <div key={`${f.ruleId}-${f.projectCode}-${f.indicatorIndex}-${i}`} className="findings-entry">
              <FindingItem finding={f} />
              {onLocate && (
                <Button size="small" type="link" icon={<AimOutlined />} onClick={() => onLocate(f)}>
                  {m.editor.goToField}
                </Button>
              )}
              {action?.(f)}
            </div>
          ))
        )}
      </div>
    </aside>
  );
}
