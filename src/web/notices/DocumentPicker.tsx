/**
 * Picking targets for a draft notice: the approved or published targets of its year under its bureau
 * not yet issued in a notice, searched by unit name or code, a page at a time by cursor; the rows
 * ticked are added at their current versions.
 */
import { Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useMessages } from '../app/locale.tsx';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { noticeQueries, type NoticeDocument, type NoticeView } from './notice-api.ts';

export function DocumentPicker({
  notice,
  busy,
  onCancel,
  onAdd,
}: {
  notice: NoticeView;
  busy: boolean;
  onCancel: () => void;
  onAdd: (documentIds: number[]) => void;
}) {
  const all = useMessages();
  const m = all.notices.page;
  const [q, setQ] = useState<string | undefined>();
  const [picked, setPicked] = useState<number[]>([]);
  const { list, pager } = useCursorList({ q }, (page) => noticeQueries.candidates(notice.id, { ...page, q }));
  return (
    <Modal
      open
      width={820}
      title={m.pickerTitle}
      okText={m.add}
      okButtonProps={{ disabled: picked.length === 0 }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onAdd(picked)}
    >
      <Input.Search
        aria-label={m.pickerSearch}
        placeholder={m.pickerSearch}
        allowClear
        onSearch={(v) => setQ(v.trim() || undefined)}
        style={{ width: 260, marginBottom: 12 }}
      />
      <Table<NoticeDocument>
        rowKey="documentId"
        size="small"
        {...pageRows(list)}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(Number)) }}
        columns={[
          { title: m.unit, key: 'unit', render: (_, d) => `${d.unitCode} ${d.unitName}` },
          { title: m.state, key: 'status', width: 90, render: (_, d) => all.server.statusNames[d.status] },
          { title: m.projects, dataIndex: 'projectCount', key: 'projects', width: 80 },
          { title: m.budget, dataIndex: 'budgetTotal', key: 'budget', width: 130, align: 'right' },
        ]}
      />
      <CursorPager {...pager} />
    </Modal>
  );
}
