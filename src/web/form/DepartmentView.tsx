/**
 * 部门整体绩效目标 as published: 一、总体绩效目标, 二、分项绩效目标, 三、工作保障措施 with their numbered
 * items; and where the form is a 部门整体支出绩效目标表, its 年度预算安排, 年度履职目标 and indicators.
 */
import type { DepartmentGoals, NumberedItem } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { ColumnWidths } from './ColumnWidths.tsx';
import { IndicatorTableView } from './IndicatorTableView.tsx';
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
  const section = (
    field: 'overallGoal' | 'subGoals' | 'safeguards' | 'funds' | 'duties' | 'indicators',
    title: string,
    body: React.ReactNode,
  ) => {
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
      {department.funds &&
        section(
          'funds',
          m.funds,
          <table className="form-band">
            <caption className="form-unit-line">{m.amountUnit(department.funds.amountUnit)}</caption>
            <ColumnWidths percents={[20, 13, 20, 13, 20, 14]} />
            <tbody>
              <tr>
                {(
                  [
                    [m.fundsTotal, department.funds.total],
                    [m.fundsProject, department.funds.project],
                    [m.fundsBasic, department.funds.basic],
                  ] as const
                ).map(([label, amount]) => [
                  <th key={label} className="form-label" scope="row">
                    {label}
                  </th>,
                  <td key={`${label}-value`} className="form-value">
                    {amount ?? ''}
                  </td>,
                ])}
              </tr>
            </tbody>
          </table>,
        )}
      {(department.duties ?? []).length > 0 &&
        section(
          'duties',
          m.duties,
          <table className="form-band">
            <ColumnWidths percents={[25, 35, 25, 15]} />
            <thead>
              <tr>
                {[m.duty, m.dutyTask, m.dutyProject, m.dutyAmount].map((h) => (
                  <th key={h} scope="col" className="form-label">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {department.duties!.map((d, i) => (
                <tr key={i}>
                  <td className="form-value form-left">{d.duty}</td>
                  <td className="form-value form-left">{d.task}</td>
                  <td className="form-value">{d.projectName}</td>
                  <td className="form-value">{d.amount ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>,
        )}
      {(department.indicators ?? []).length > 0 &&
        section('indicators', m.indicators, <IndicatorTableView indicators={department.indicators!} code="" projectId={null} />)}
    </div>
  );
}
