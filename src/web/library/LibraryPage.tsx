/**
 * The indicator library (指标库) for signed-in users: the entries the user may see, filtered by
 * field, state and wording, newest first, a page at a time by cursor. Units apply for new entries,
 * edit and withdraw their applications; reviewers decide on their bureau's, add entries, edit,
 * retire and reinstate them and import a library file; everyone exports what they see as JSON or
 * XLSX. An edit based on a version someone else has moved past is not saved: the form says so and
 * offers the newer entry, as the other pages do with a stale version.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import type { EntryState } from '../../core/library/entry.ts';
import { FIELD_NAMES, FIELDS, isField } from '../../core/library/fields.ts';
import { subtree } from '../admin/bureau-tree.ts';
import { ApiFailure, failureText } from '../api/client.ts';
import { queries } from '../api/queries.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { useListAddress } from '../list/useListAddress.ts';
import { EntryActions, type EntryCommands } from './EntryActions.tsx';
import { EntryForm } from './EntryForm.tsx';
import {
  contentOf,
  type EntryContent,
  entryFieldOf,
  exportHref,
  type LibraryEntryView,
  libraryEndpoints,
  libraryQueries,
  libraryStale,
} from './library-api.ts';

const STATES: readonly EntryState[] = ['proposed', 'approved', 'refused', 'retired'];
const STATE_COLORS: Record<EntryState, string> = { proposed: 'processing', approved: 'success', refused: 'error', retired: 'default' };

export default function LibraryPage() {
  const all = useMessages();
  const m = all.library.page;
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const { params, set } = useListAddress();
  const filter = useMemo(() => {
    const field = params.get('field') ?? '';
    const state = params.get('state') ?? '';
    return {
      field: isField(field) ? field : undefined,
      state: (STATES as readonly string[]).includes(state) ? (state as EntryState) : undefined,
      q: params.get('q') ?? undefined,
    };
  }, [params]);
  const { list, pager } = useCursorList(filter, (page) => libraryQueries.list({ ...filter, ...page }));
  const bureaus = useQuery({ ...queries.bureaus(), enabled: user?.role === 'reviewer' });
  // A reviewer decides on the entries of its bureau and those under it.
  const decided = useMemo(
    () => new Set(user?.role === 'reviewer' && user.bureauId !== null ? subtree(bureaus.data ?? [], user.bureauId).map((b) => b.id) : []),
    [user, bureaus.data],
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<LibraryEntryView | null>(null);
  /** Someone else saved the entry while the user edited it. */
  const [stale, setStale] = useState(false);

  const done = (text: string) => async () => {
    message.success(text);
    await libraryStale(client);
  };
  // A refusal that names a field of the entry's form is shown under the field, not here.
  const failed = (e: Error) => {
    if (entryFieldOf(e) === null) message.error(failureText(e, all.web.common.networkError));
  };
  const write = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onError: failed });
  const commands: EntryCommands = {
    edit: (v) => {
      setStale(false);
      setEditing(v);
    },
    approve: (v) => write.mutate(() => libraryEndpoints.decide(v, 'approve'), { onSuccess: done(m.approved) }),
    refuse: (v, reason) => write.mutate(() => libraryEndpoints.decide(v, 'refuse', reason), { onSuccess: done(m.refused) }),
    retire: (v) => write.mutate(() => libraryEndpoints.retire(v), { onSuccess: done(m.retired) }),
    reinstate: (v) => write.mutate(() => libraryEndpoints.reinstate(v), { onSuccess: done(m.reinstated) }),
    withdraw: (v) => write.mutate(() => libraryEndpoints.withdraw(v), { onSuccess: done(m.withdrawn) }),
  };
  const create = useMutation({
    mutationFn: (entry: EntryContent) => (user?.role === 'unit' ? libraryEndpoints.apply(entry) : libraryEndpoints.add(entry)),
    onSuccess: async () => {
      setAdding(false);
      await done(user?.role === 'unit' ? m.applied : m.added)();
    },
    onError: failed,
  });
  const change = useMutation({
    mutationFn: ({ v, entry }: { v: LibraryEntryView; entry: EntryContent }) => libraryEndpoints.edit(v, entry),
    onSuccess: async () => {
      setEditing(null);
      await done(m.edited)();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.isConflict) setStale(true);
      else failed(e);
    },
  });
  const reload = useMutation({
    mutationFn: (v: LibraryEntryView) => libraryEndpoints.entry(v.id),
    onSuccess: (fresh) => {
      setStale(false);
      setEditing(fresh);
    },
    // Gone meanwhile (a withdrawn application): nothing is left to edit.
    onError: (e) => {
      setEditing(null);
      failed(e);
      void libraryStale(client);
    },
  });
  const upload = useMutation({
    mutationFn: libraryEndpoints.import,
    onSuccess: (r) => done(m.imported(r.created, r.updated))(),
    onError: failed,
  });

  return (
    <div className="library-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Card size="small" className="filters" title={m.filters}>
        <Form layout="inline" className="filter-form">
          <Form.Item label={m.field}>
            <Select
              aria-label={m.field}
              allowClear
              style={{ width: 150 }}
              value={filter.field ?? null}
              onChange={(v) => set({ field: v ?? undefined })}
              options={FIELDS.map((f) => ({ value: f, label: FIELD_NAMES[f] }))}
            />
          </Form.Item>
          <Form.Item label={m.state}>
            <Select
              aria-label={m.state}
              allowClear
              style={{ width: 130 }}
              value={filter.state ?? null}
              onChange={(v) => set({ state: v ?? undefined })}
              options={STATES.map((s) => ({ value: s, label: m.states[s] }))}
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              aria-label={m.search}
              placeholder={m.search}
              allowClear
              defaultValue={filter.q}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              style={{ width: 240 }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Space className="page-actions" wrap>
        {(user?.role === 'unit' || user?.role === 'reviewer') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {user.role === 'unit' ? m.apply : m.add}
          </Button>
        )}
        {user?.role === 'reviewer' && (
          <Upload
            accept=".json,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {m.import}
            </Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined />} href={exportHref('xlsx')}>
          {m.export('XLSX')}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportHref('json')}>
          {m.export('JSON')}
        </Button>
      </Space>
      <Table<LibraryEntryView>
        rowKey="id"
        size="middle"
        {...pageRows(list)}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: m.columns.indicator,
            key: 'indicator',
            render: (_, v) => (
              <>
                <Typography.Text type="secondary">
                  {v.entry.level1} / {v.entry.level2} /{' '}
                </Typography.Text>
                <Typography.Text strong>{v.entry.level3}</Typography.Text>
                {v.entry.description && <div className="muted">{v.entry.description}</div>}
              </>
            ),
          },
          { title: m.columns.unit, key: 'unit', width: 80, render: (_, v) => v.entry.unit ?? '' },
          { title: m.columns.target, key: 'target', width: 110, render: (_, v) => v.entry.target ?? '' },
          { title: m.columns.field, key: 'field', width: 90, render: (_, v) => FIELD_NAMES[v.entry.field] },
          {
            title: m.columns.owner,
            key: 'owner',
            width: 150,
            render: (_, v) => (
              <>
                {v.bureau?.name ?? m.national}
                {v.entry.source.kind === 'learned' && <div className="muted">{m.learned}</div>}
              </>
            ),
          },
          {
            title: m.columns.state,
            key: 'state',
            width: 150,
            render: (_, v) => (
              <>
                <Tag color={STATE_COLORS[v.entry.status.state]}>{m.states[v.entry.status.state]}</Tag>
                {v.entry.status.reason && <div className="muted">{m.refusedBecause(v.entry.status.reason)}</div>}
              </>
            ),
          },
          { title: m.columns.proposedBy, key: 'proposedBy', width: 140, render: (_, v) => v.proposedBy?.unitName ?? '' },
          {
            title: all.web.common.actions,
            key: 'actions',
            width: 180,
            render: (_, v) => (
              <EntryActions
                view={v}
                decides={v.bureau !== null && decided.has(v.bureau.id)}
                applied={user?.role === 'unit' && v.proposedBy?.unitId === user.unitId}
                busy={write.isPending}
                commands={commands}
              />
            ),
          },
        ]}
      />
      <CursorPager {...pager} />
      <EntryForm
        mode={user?.role === 'unit' ? 'apply' : 'add'}
        open={adding}
        saving={create.isPending}
        onSubmit={(entry) => create.mutateAsync(entry)}
        onClose={() => setAdding(false)}
      />
      {editing && (
        <EntryForm
          // A reloaded entry starts the form afresh from what it now holds.
          key={`${editing.id}-${editing.version}`}
          mode="edit"
          open
          initial={contentOf(editing.entry)}
          saving={change.isPending}
          notice={
            stale ? (
              <Alert
                type="warning"
                showIcon
                className="page-alert"
                title={m.stale}
                description={m.staleHelp}
                action={
                  <Button size="small" loading={reload.isPending} onClick={() => reload.mutate(editing)}>
                    {m.reload}
                  </Button>
                }
              />
            ) : undefined
          }
          onSubmit={(entry) => change.mutateAsync({ v: editing, entry })}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
