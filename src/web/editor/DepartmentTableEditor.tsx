/**
 * Editing the 部门整体支出绩效目标表's parts of 部门整体绩效目标: 年度预算安排 (资金总额, 项目支出, 基本支出),
 * the 年度履职目标 rows and the department-wide indicators (in the indicator table projects use). Shown
 * where the document's form profile is a 部门整体 one or the document has such parts already.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useRef } from 'react';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { AmountUnit, DepartmentFunds, DepartmentGoals, DutyTarget, Indicator } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { AmountInput, GrowingTextArea, textCount } from '../form/fields.tsx';
import { Notes, placeId } from '../form/notes.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { newKey } from './model.ts';

type Parts = Pick<DepartmentGoals, 'funds' | 'duties' | 'indicators'>;

const place = (field: string) => ({ code: null, projectId: null, field: `department.${field}` });

export function DepartmentTableEditor({
  department,
  onChange,
  year,
  profile,
}: {
  department: DepartmentGoals;
  onChange: (patch: Parts) => void;
  year: number;
  profile: FormProfile;
}) {
  const m = useMessages().web.department;
  const shown =
    profile.kind === 'department' ||
    (department.funds ?? null) !== null ||
    (department.duties ?? []).length > 0 ||
    (department.indicators ?? []).length > 0;
  if (!shown) return null;
  const funds = department.funds ?? null;
  const setFunds = (patch: Partial<DepartmentFunds>) => funds && onChange({ funds: { ...funds, ...patch } });
  const duties = department.duties ?? [];
  const setDuty = (i: number, patch: Partial<DutyTarget>) => onChange({ duties: duties.map((d, n) => (n === i ? { ...d, ...patch } : d)) });
  const section = (field: string, title: string, body: React.ReactNode) => (
    <section className="dept-section" id={placeId(place(field))}>
      <h4 className="dept-heading">
        {title} <Notes place={place(field)} />
      </h4>
      {body}
    </section>
  );
  return (
    <>
      {section(
        'funds',
        m.funds,
        funds === null ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => onChange({ funds: { amountUnit: profile.amountUnit, total: null, project: null, basic: null } })}
          >
            {m.addFunds}
          </Button>
        ) : (
          <div className="dept-funds">
            <Select<AmountUnit>
              aria-label={m.amountUnit(funds.amountUnit)}
              value={funds.amountUnit}
              onChange={(amountUnit) => setFunds({ amountUnit })}
              options={(['万元', '元'] as const).map((u) => ({ value: u, label: m.amountUnit(u) }))}
              style={{ width: 120 }}
            />
            {(
              [
                ['total', m.fundsTotal],
                ['project', m.fundsProject],
                ['basic', m.fundsBasic],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="dept-amount">
                <span>{label}</span>
                <AmountInput aria-label={label} value={funds[key]} onChange={(v) => setFunds({ [key]: v })} className="amount-input" />
              </label>
            ))}
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label={m.removeFunds}
              title={m.removeFunds}
              onClick={() => onChange({ funds: null })}
            />
          </div>
        ),
      )}
      {section(
        'duties',
        m.duties,
        <>
          {duties.length > 0 && (
            <div className="dept-duty-head" aria-hidden>
              <span>{m.duty}</span>
              <span>{m.dutyTask}</span>
              <span>{m.dutyProject}</span>
              <span>{m.dutyAmount}</span>
            </div>
          )}
          {duties.map((d, i) => (
            <div key={i} className="dept-duty">
              <GrowingTextArea
                aria-label={`${m.duty} ${i + 1}`}
                placeholder={m.duty}
                count={textCount('duty')}
                value={d.duty}
                onChange={(e) => setDuty(i, { duty: e.target.value })}
              />
              <GrowingTextArea
                aria-label={`${m.dutyTask} ${i + 1}`}
                placeholder={m.dutyTask}
                count={textCount('dutyTask')}
                value={d.task}
                onChange={(e) => setDuty(i, { task: e.target.value })}
              />
              <Input
                aria-label={`${m.dutyProject} ${i + 1}`}
                placeholder={m.dutyProject}
                count={textCount('projectName')}
                value={d.projectName}
                onChange={(e) => setDuty(i, { projectName: e.target.value })}
              />
              <AmountInput
                aria-label={`${m.dutyAmount} ${i + 1}`}
                placeholder={m.dutyAmount}
                value={d.amount}
                onChange={(amount) => setDuty(i, { amount })}
                className="amount-input"
              />
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`${m.removeDuty} ${i + 1}`}
                title={m.removeDuty}
                onClick={() => onChange({ duties: duties.filter((_, n) => n !== i) })}
              />
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => onChange({ duties: [...duties, { duty: '', task: '', projectName: '', amount: null }] })}
          >
            {m.addDuty}
          </Button>
        </>,
      )}
      {section(
        'indicators',
        m.indicators,
        <DepartmentIndicators
          indicators={department.indicators ?? []}
          onChange={(indicators) => onChange({ indicators })}
          year={year}
          profile={profile}
        />,
      )}
    </>
  );
}

/**
 * The indicator table over the department's rows. The model's rows carry no key, so the keys the
 * table needs (for focus and React) are kept here by position, and left out of what is saved.
 */
function DepartmentIndicators({
  indicators,
  onChange,
  year,
  profile,
}: {
  indicators: readonly Indicator[];
  onChange: (rows: Indicator[]) => void;
  year: number;
  profile: FormProfile;
}) {
  const keys = useRef<string[]>([]);
  const rows = indicators.map((i, n) => ({ ...i, key: (keys.current[n] ??= newKey('d')) }));
  return (
    <IndicatorTable
      rows={rows}
      onRows={(next) => {
        keys.current = next.map((r) => r.key);
        onChange(next.map(({ key: _key, ...i }) => i));
      }}
      year={year}
      code=""
      projectId={null}
      profile={profile}
    />
  );
}
