/** Editing 部门整体绩效目标: the overall goal, the numbered sub-goals and the safeguards with their nested items. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { DepartmentGoals, NumberedItem } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { GrowingTextArea, textCount } from '../form/fields.tsx';
import { Notes, placeId, useFieldStatus } from '../form/notes.tsx';
import { DepartmentTableEditor } from './DepartmentTableEditor.tsx';
import { moveRow, removeRow } from './rows.ts';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** The next item's label in the style of the list: 一、 at the top, （一） below it (the document's own numbering, whatever the UI language). */
const labelFor = (index: number, depth: number) => {
  const n = CHINESE_NUMBERS[index] ?? String(index + 1);
  return depth === 0 ? `${n}、` : `（${n}）`;
};

function ItemsEditor({
  items,
  onChange,
  depth,
  name,
}: {
  items: NumberedItem[];
  onChange: (items: NumberedItem[]) => void;
  depth: number;
  name: string;
}) {
  const m = useMessages().web.department;
  const set = (i: number, patch: Partial<NumberedItem>) => onChange(items.map((it, n) => (n === i ? { ...it, ...patch } : it)));
  return (
    <div className="items-editor" style={{ marginLeft: depth === 0 ? 0 : 32 }}>
      {items.map((item, i) => (
        <div key={i} className="item-editor">
          <Space.Compact block>
            <Input
              aria-label={`${name} ${i + 1} ${m.label}`}
              count={textCount('itemLabel')}
              value={item.label}
              onChange={(e) => set(i, { label: e.target.value })}
              style={{ width: 72 }}
            />
            <GrowingTextArea
              aria-label={`${name} ${i + 1} ${m.text}`}
              count={textCount('itemText')}
              value={item.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          </Space.Compact>
          <Space size={0} className="item-buttons">
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={m.moveUp}
              title={m.moveUp}
              disabled={i === 0}
              onClick={() => onChange(moveRow(items, i, -1).rows)}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={m.moveDown}
              title={m.moveDown}
              disabled={i === items.length - 1}
              onClick={() => onChange(moveRow(items, i, 1).rows)}
            />
            {depth === 0 && (
              <Button
                size="small"
                type="text"
                icon={<SubnodeOutlined />}
                aria-label={m.addChild}
                title={m.addChild}
                onClick={() =>
                  set(i, { children: [...item.children, { label: labelFor(item.children.length, 1), text: '', children: [] }] })
                }
              />
            )}
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={m.removeItem}
              title={m.removeItem}
              onClick={() => onChange(removeRow(items, i).rows)}
            />
          </Space>
          {item.children.length > 0 && (
            <ItemsEditor items={item.children} onChange={(children) => set(i, { children })} depth={depth + 1} name={`${name} ${i + 1}`} />
          )}
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...items, { label: labelFor(items.length, depth), text: '', children: [] }])}
      >
        {m.addItem}
      </Button>
    </div>
  );
}

export function DepartmentEditor({
  department,
  onChange,
  year,
  profile,
}: {
  department: DepartmentGoals | null;
  onChange: (d: DepartmentGoals | null) => void;
  year: number;
  profile: FormProfile;
}) {
  const m = useMessages().web.department;
  const place = (field: string) => ({ code: null, projectId: null, field: `department.${field}` });
  const overallStatus = useFieldStatus(place('overallGoal'));
  if (!department)
    return (
      <div className="department-editor">
        <Notes place={{ code: null, projectId: null, field: 'department' }} />
        <p className="muted">{m.none}</p>
        <Button type="primary" onClick={() => onChange({ overallGoal: '', subGoals: [], safeguards: [] })}>
          {m.create}
        </Button>
      </div>
    );
  return (
    <div className="department-editor">
      <section className="dept-section" id={placeId(place('overallGoal'))}>
        <h4 className="dept-heading">
          {m.overallGoal} <Notes place={place('overallGoal')} />
        </h4>
        <GrowingTextArea
          aria-label={m.overallGoal}
          count={textCount('overallGoal')}
          minRows={3}
          value={department.overallGoal}
          status={overallStatus}
          onChange={(e) => onChange({ ...department, overallGoal: e.target.value })}
        />
      </section>
      {(['subGoals', 'safeguards'] as const).map((field) => (
        <section key={field} className="dept-section" id={placeId(place(field))}>
          <h4 className="dept-heading">
            {m[field]} <Notes place={place(field)} />
          </h4>
          <ItemsEditor
            items={department[field]}
            onChange={(items) => onChange({ ...department, [field]: items })}
            depth={0}
            name={m[field]}
          />
        </section>
      ))}
      <DepartmentTableEditor
        department={department}
        onChange={(patch) => onChange({ ...department, ...patch })}
        year={year}
        profile={profile}
      />
    </div>
  );
}
