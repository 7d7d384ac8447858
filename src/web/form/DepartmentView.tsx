/** 部门整体绩效目标 as published: 一、总体绩效目标, 二、分项绩效目标, 三、工作保障措施 with their numbered items. */
import type { DepartmentGoals, NumberedItem } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { Notes, placeId } from './notes.tsx';

function Items({ items, depth = 0 }: { items: readonly NumberedItem[]; depth?: number }) {
  return (
    <>
      {items.map((item, i) => (
        <div key={i} className="dept-item" style={{ marginLeft: depth * 24 }}>
          <p className="form-paragraph">
            {item.label}
            {item.text}
          </p>
          <Items items={item.children} depth={depth + 1} />
        </div>
      ))}
    </>
  );
}

export function DepartmentView({ department }: { department: DepartmentGoals | null }) {
  const m = useMessages().web.department;
  if (!department) return <p className="muted">{m.none}</p>;
  const section = (field: 'overallGoal' | 'subGoals' | 'safeguards', title: string, body: React.ReactNode) => {
    const place = { code: null, projectId: null, field: `department.${field}` };
    return (
      <section className="dept-section" id={placeId(place)}>
        <h4 className="dept-heading">
          {title} <Notes place={place} />
        </h4>
        {body}
      </section>
    );
  };
  return (
    <div className="department-view">
      {section('overallGoal', m.overallGoal, <p className="form-paragraph">{department.overallGoal}</p>)}
      {section('subGoals', m.subGoals, <Items items={department.subGoals} />)}
      {section('safeguards', m.safeguards, <Items items={department.safeguards} />)}
    </div>
  );
}
