/**
 * 指标推荐 for one project: the indicators projects like it use (from peers' approved documents and
 * the bureau's library), each with its levels, unit, typical target, spread and who uses it, and
 * 添加 to put its row into the project's table. Adding goes through the table's own change, so the
 * row is saved by autosave like one typed in by hand (and meets a 409 the same way).
 */
import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { labelOf } from '../../core/library/observation.ts';
import { normaliseWording } from '../../core/library/wording.ts';
import type { Indicator } from '../../core/model/document.ts';
import { failureText } from '../api/client.ts';
import type { SuggestionView } from '../api/history-types.ts';
import { queries } from '../api/queries.ts';
import { useMessages } from '../app/locale.tsx';

interface Props {
  /** The project's id on the server; null until it is saved (suggestions are asked by it). */
  projectId: number | null;
  projectName: string;
  rows: readonly Indicator[];
  onAdd: (row: Indicator) => void;
}

/** A suggestion is in the table already when a row reads as its name (as typed or as it adds it). */
const present = (s: SuggestionView, rows: readonly Indicator[]) => {
  const names = new Set([normaliseWording(s.label), normaliseWording(labelOf(s.row))]);
  return rows.some((r) => names.has(normaliseWording(labelOf(r))));
};

export function Suggestions({ projectId, projectName, rows, onAdd }: Props) {
  const m = useMessages().web.suggestions;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={projectId === null ? m.unsavedProject : undefined}>
        <Button icon={<BulbOutlined />} disabled={projectId === null} onClick={() => setOpen(true)} className="add-row">
          {m.open}
        </Button>
      </Tooltip>
      <Drawer title={m.title(projectName)} open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        {projectId !== null && <SuggestionList projectId={projectId} rows={rows} onAdd={onAdd} />}
      </Drawer>
    </>
  );
}

function SuggestionList({ projectId, rows, onAdd }: { projectId: number; rows: readonly Indicator[]; onAdd: (row: Indicator) => void }) {
  const w = useMessages().web;
  const m = w.suggestions;
  const { message } = App.useApp();
  const list = useQuery(queries.suggestions(projectId));
  if (list.error) return <Alert type="error" showIcon title={failureText(list.error, w.common.networkError)} />;
  if (!list.data) return <Spin />;
  if (list.data.length === 0) return <Typography.Paragraph type="secondary">{m.none}</Typography.Paragraph>;
  return (
    <div data-testid="suggestions">
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <ul className="suggestion-list" aria-label={m.open}>
        {list.data.map((s, i) => {
          const added = present(s, rows);
          return (
            <li key={s.familyKey ?? s.entry?.code ?? i} className="suggestion" data-testid="suggestion">
              <div className="suggestion-head">
                <div>
                  <span className="suggestion-label">{s.label}</span>{' '}
                  {s.entry !== null && (
                    <Tag color="blue" title={m.libraryCode(s.entry.code)}>
                      {m.library}
                    </Tag>
                  )}
                  {s.fromLastYear && (
                    <Tag color="green" title={m.lastYearHelp}>
                      {m.lastYear}
                    </Tag>
                  )}
                </div>
                <Button
                  size="small"
                  type={added ? 'default' : 'primary'}
                  disabled={added}
                  aria-label={added ? undefined : m.addNamed(s.label)}
                  onClick={() => {
                    onAdd(s.row);
                    message.success(m.addedNotice(s.label));
                  }}
                >
                  {added ? m.added : m.add}
                </Button>
              </div>
              <div className="suggestion-facts">
                <span>{m.levels(s.level1, s.level2)}</span>
                {s.unit !== '' && <span>{m.measureUnit(s.unit)}</span>}
                {s.typical !== null && <span>{m.typical(s.typical)}</span>}
                {s.spread !== null && <span>{m.spread(s.spread.count, s.spread.min, s.spread.max)}</span>}
                {s.peers > 0 && <span>{m.peers(s.peers)}</span>}
              </div>
              {s.users.length > 0 && (
                <details>
                  <summary>{m.users(s.users.length)}</summary>
                  <ul className="suggestion-users">
                    {s.users.map((u, n) => (
                      <li key={n}>{m.use(u.unitName, u.year, u.projectName, u.target)}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
