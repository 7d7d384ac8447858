/**
 * 修改对比: what changed between two versions of a document, field by field and grouped by project,
 * the before struck through and the after marked. By default a resubmission against the submission
 * before it (the version the reviewer returned), or, while the unit edits, the last submission
 * against the working copy; any two versions can be picked.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Empty, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { diffDocuments, type ChangeKind, type PartChanges } from '../../core/model/diff.ts';
import { endpoints } from '../api/endpoints.ts';
import type { VersionList } from '../api/types.ts';
import { useLocale, useMessages } from '../app/locale.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { queries } from '../api/queries.ts';

export interface VersionPair {
  from: number;
  to: number;
}

/** Under ['versions', id]: a workflow step refetches them with the document. */
export const useVersions = (documentId: number) => useQuery(queries.versions(documentId));

/** The submission made before `version`, if any: what a resubmission is compared with. */
export const previousSubmission = (list: VersionList, version: number) => list.items.find((s) => s.version < version)?.version;

/** What to compare when nothing was picked: see the file comment. */
export function defaultPair(list: VersionList): VersionPair | undefined {
  const [latest, earlier] = list.items;
  if (!latest) return undefined;
  const editing = list.current.status === 'draft' || list.current.status === 'returned';
  if (editing && list.current.version !== latest.version) return { from: latest.version, to: list.current.version };
  return earlier && { from: earlier.version, to: latest.version };
}

const KIND_COLORS: Record<ChangeKind, string> = { changed: 'blue', added: 'green', removed: 'red', moved: 'gold' };

export function VersionDiff({ documentId, initial }: { documentId: number; initial?: VersionPair }) {
  const { m, locale } = useLocale();
  const v = m.diff.view;
  const versions = useVersions(documentId);
  const [picked, setPicked] = useState<VersionPair | undefined>(initial);
  const list = versions.data;
  const pair = picked ?? (list && defaultPair(list));
  const from = useQuery({ ...queries.version(documentId, pair?.from ?? 0), enabled: pair !== undefined });
  const to = useQuery({ ...queries.version(documentId, pair?.to ?? 0), enabled: pair !== undefined });
  const parts = useMemo(
    () => (from.data && to.data ? diffDocuments(from.data.content, to.data.content, locale) : undefined),
    [from.data, to.data, locale],
  );

  if (!list) return <PageLoading />;
  const count = list.items.length;
  const options = [
    ...(list.items.some((s) => s.version === list.current.version)
      ? []
      : [{ value: list.current.version, label: v.current(list.current.version) }]),
    ...list.items.map((s, i) => ({
      value: s.version,
      label: `${v.submission(count - i, s.version, dayjs(s.submittedAt).format('YYYY-MM-DD HH:mm'), s.submittedByName)}${s.outcome ? ` · ${v.outcomes[s.outcome]}` : ''}`,
    })),
  ];
  const choose = (side: keyof VersionPair) => (value: number) => setPicked({ ...(pair ?? { from: value, to: value }), [side]: value });
  const picker = (side: keyof VersionPair, label: string) => (
    <label className="version-picker">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Select
        aria-label={label}
        value={pair?.[side]}
        options={options}
        onChange={choose(side)}
        popupMatchSelectWidth={false}
        style={{ minWidth: 280 }}
      />
    </label>
  );

  return (
    <div className="version-diff" data-testid="version-diff">
      <Space wrap align="end">
        {picker('from', v.from)}
        {picker('to', v.to)}
      </Space>
      {!pair ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={v.needTwo} />
      ) : pair.from === pair.to ? (
        <Alert type="info" showIcon title={v.sameVersion} />
      ) : !parts ? (
        <PageLoading />
      ) : parts.length === 0 ? (
        <Alert type="success" showIcon title={v.same} />
      ) : (
        <Changes parts={parts} />
      )}
    </div>
  );
}

/** The changes of a comparison, part by part (also what a 目标调整 changes). */
export function Changes({ parts }: { parts: PartChanges[] }) {
  const v = useMessages().diff.view;
  const value = (text: string | null) => (text === null ? <span className="diff-empty">{v.empty}</span> : text);
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="diff-count">
        {v.count(parts.reduce((n, p) => n + p.changes.length, 0))}
      </Typography.Paragraph>
      {parts.map((part) => (
        <section key={`${part.projectCode}|${part.title}`} className="diff-part" data-testid="diff-part">
          <Typography.Title level={5}>
            {part.title} {part.kind !== 'changed' && <Tag color={KIND_COLORS[part.kind]}>{v.parts[part.kind]}</Tag>}
          </Typography.Title>
          <table className="diff-table">
            <thead>
              <tr>
                <th>{v.place}</th>
                <th>{v.before}</th>
                <th>{v.after}</th>
              </tr>
            </thead>
            <tbody>
              {part.changes.map((c, i) => (
                <tr key={i} data-kind={c.kind}>
                  <td>
                    <Tag color={KIND_COLORS[c.kind]}>{v.kinds[c.kind]}</Tag>
                    {c.place}
                  </td>
                  <td className="diff-before">
                    <del>{value(c.before)}</del>
                  </td>
                  <td className="diff-after">
                    <ins>{value(c.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** A button opening the comparison in a drawer; `pair` fixes the versions it opens with. */
export function VersionDiffButton({
  documentId,
  pair,
  label,
  type,
}: {
  documentId: number;
  pair?: VersionPair;
  label: string;
  type?: 'link' | 'default';
}) {
  const v = useMessages().diff.view;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type={type} size={type === 'link' ? 'small' : undefined} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Drawer title={v.title} open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        <VersionDiff documentId={documentId} initial={pair} />
      </Drawer>
    </>
  );
}
