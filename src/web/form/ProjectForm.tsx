/**
 * One 项目绩效目标表 laid out like the official form (the seed's Word table): the unit line, 项目编码 /
 * 项目名称, 预算规模及资金用途 (预算数, 其中：财政资金, 其他资金, then the use of funds under them),
 * 资金支出计划（%）(checkpoints over percents), 绩效目标, then the indicator table. The same layout
 * serves the editor (fields are inputs) and reading (fields are text); each field carries its notes.
 * Other templates' fields — 主管部门, 项目属性, 项目起止时间, fund sources (资金来源), long-term goals —
 * are shown where a document has them and can always be added in the editor; the header fields only
 * some provinces print (项目分类 … 中期预算) where the project has them or its form profile lists them.
 */
/** The fund sources other templates list (财政拨款/自有资金/事业收入/经营性收入/其他). */
export const FUND_SOURCE_NAMES = ['财政拨款', '自有资金', '事业收入', '经营性收入', '其他'];
import { DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import type { FundSource, Goal, Project, SpendingCheckpoint, Term } from '../../core/model/document.ts';
import { PROVINCIAL_PROJECT_FIELDS, type ProjectFieldId } from '../../core/model/project-fields.ts';
import { useMessages } from '../app/locale.tsx';
import { ColumnWidths } from './ColumnWidths.tsx';
import { AmountInput, GrowingTextArea, LinesInput, textCount } from './fields.tsx';
import { Notes, placeId, useFieldStatus, type Place } from './notes.tsx';

type ProjectFields = Omit<Project, 'indicators'>;

interface Props {
  project: ProjectFields;
  projectId: number | null;
  /** When given, the fields are editable and report each change. */
  onChange?: (patch: Partial<ProjectFields>) => void;
  /** The indicator table (the editor's or the read-only one). */
  indicators: ReactNode;
  /** The header fields the form profile prints: the optional ones among them are shown even while empty. */
  header?: readonly ProjectFieldId[];
}

function Cell({
  place,
  children,
  className,
  colSpan,
  rowSpan,
}: {
  place?: Place;
  children: ReactNode;
  className?: string;
  colSpan?: number;
  rowSpan?: number;
}) {
  return (
    <td className={className ?? 'form-value'} colSpan={colSpan} rowSpan={rowSpan} id={place ? placeId(place) : undefined}>
      <div className="form-cell">
        <div className="form-cell-body">{children}</div>
        {place && <Notes place={place} />}
      </div>
    </td>
  );
}

const Label = ({ children, rowSpan, colSpan }: { children: ReactNode; rowSpan?: number; colSpan?: number }) => (
  <th className="form-label" rowSpan={rowSpan} colSpan={colSpan} scope="row">
    {children}
  </th>
);

const Text = ({ children }: { children: string }) => <span className="form-text">{children}</span>;

export function ProjectForm({ project, projectId, onChange, indicators, header = [] }: Props) {
  const m = useMessages().web.project;
  const editable = onChange !== undefined;
  const place = (field: string): Place => ({ code: project.code, projectId, field });
  const status = {
    code: useFieldStatus(place('code')),
    name: useFieldStatus(place('name')),
    total: useFieldStatus(place('budget.total')),
    fiscal: useFieldStatus(place('budget.fiscal')),
    useOfFunds: useFieldStatus(place('useOfFunds')),
    goals: useFieldStatus(place('goals')),
    plan: useFieldStatus(place('spendingPlan')),
    sources: useFieldStatus(place('budget.sources')),
  };
  const [longTermShown, setLongTermShown] = useState(false);
  const b = project.budget;
  const setBudget = (patch: Partial<ProjectFields['budget']>) => onChange?.({ budget: { ...b, ...patch } });
  const setCheckpoint = (i: number, patch: Partial<SpendingCheckpoint>) =>
    onChange?.({ spendingPlan: project.spendingPlan.map((c, n) => (n === i ? { ...c, ...patch } : c)) });
  const goalsOf = (term: Term) => project.goals.filter((g) => g.term === term).map((g) => g.text);
  const setGoals = (term: Term, lines: string[]) => {
    const keep = project.goals.filter((g) => g.term !== term);
    const goals: Goal[] = lines.map((text) => ({ term, text }));
    onChange?.({ goals: term === 'annual' ? [...goals, ...keep] : [...keep, ...goals] });
  };
  const hasLongTerm = project.goals.some((g) => g.term === 'longTerm') || (editable && longTermShown);
  const setSource = (i: number, patch: Partial<FundSource>) =>
    setBudget({ sources: b.sources.map((s, n) => (n === i ? { ...s, ...patch } : s)) });
  const showOrigin = editable || project.department !== null || project.attribute !== null || project.period !== null;
  const showSources = editable || b.sources.length > 0;
  const provincial = [...PROVINCIAL_PROJECT_FIELDS, 'mediumTerm' as const].filter(
    (f) => header.includes(f) || (f === 'mediumTerm' ? b.mediumTerm : project[f]) != null,
  );
  const amount = (label: string, value: string | null, onValue: (v: string | null) => void, s?: 'error' | 'warning') =>
    editable ? (
      <AmountInput aria-label={label} value={value} onChange={onValue} status={s} className="amount-input" />
    ) : (
      <Text>{value ?? ''}</Text>
    );

  return (
    <div className="official-form">
      <h3 className="form-title">{m.formTitle(project.name)}</h3>
      <div className="form-unit-line">
        <span>{m.unitLine(project.unit.code, project.unit.name)}</span>
        <span>{m.amountUnit(project.amountUnit)}</span>
      </div>

      <table className="form-band">
        <ColumnWidths percents={[13, 29, 13, 45]} />
        <tbody>
          <tr>
            <Label>{m.code}</Label>
            <Cell place={place('code')}>
              {editable ? (
                <Input
                  aria-label={m.code}
                  count={textCount('projectCode')}
                  value={project.code}
                  status={status.code}
                  onChange={(e) => onChange({ code: e.target.value })}
                />
              ) : (
                <Text>{project.code}</Text>
              )}
            </Cell>
            <Label>{m.name}</Label>
            <Cell place={place('name')} className="form-value form-left">
              {editable ? (
                <GrowingTextArea
                  aria-label={m.name}
                  count={textCount('projectName')}
                  value={project.name}
                  status={status.name}
                  onChange={(e) => onChange({ name: e.target.value.replace(/\n/g, '') })}
                />
              ) : (
                <Text>{project.name}</Text>
              )}
            </Cell>
          </tr>
          {showOrigin && (
            <tr>
              <Label>{m.department}</Label>
              <Cell place={place('department')}>
                {editable ? (
                  <Input
                    aria-label={m.department}
                    count={textCount('department')}
                    value={project.department ?? ''}
                    onChange={(e) => onChange({ department: e.target.value === '' ? null : e.target.value })}
                  />
                ) : (
                  <Text>{project.department ?? ''}</Text>
                )}
              </Cell>
              <Label>{m.attribute}</Label>
              <Cell place={place('period')} className="form-value form-left">
                {editable ? (
                  <div className="origin-fields">
                    <Select<'新增' | '延续'>
                      aria-label={m.attributeOnly}
                      allowClear
                      placeholder={m.attributeOnly}
                      value={project.attribute ?? undefined}
                      onChange={(attribute) => onChange({ attribute: attribute ?? null })}
                      options={[
                        { value: '新增', label: m.attributeNames.新增 },
                        { value: '延续', label: m.attributeNames.延续 },
                      ]}
                      style={{ width: 110 }}
                    />
                    <Input
                      aria-label={m.period}
                      count={textCount('period')}
                      placeholder={m.periodPlaceholder}
                      value={project.period ?? ''}
                      onChange={(e) => onChange({ period: e.target.value === '' ? null : e.target.value })}
                    />
                  </div>
                ) : (
                  <Text>{[project.attribute ?? '', project.period ?? ''].filter(Boolean).join(' · ')}</Text>
                )}
              </Cell>
            </tr>
          )}
          {pairs(provincial).map((pair) => (
            <tr key={pair[0]}>
              {pair.map((f) => [
                <Label key={`${f}-label`}>{m[f]}</Label>,
                <Cell key={f} place={place(f === 'mediumTerm' ? 'budget.mediumTerm' : f)} colSpan={pair.length === 1 ? 3 : undefined}>
                  {f === 'mediumTerm' ? (
                    amount(m.mediumTerm, b.mediumTerm ?? null, (mediumTerm) => setBudget({ mediumTerm }))
                  ) : editable ? (
                    <Input
                      aria-label={m[f]}
                      count={textCount(f)}
                      value={project[f] ?? ''}
                      onChange={(e) => onChange({ [f]: e.target.value === '' ? null : e.target.value })}
                    />
                  ) : (
                    <Text>{project[f] ?? ''}</Text>
                  )}
                </Cell>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="form-band">
        <ColumnWidths percents={[13, 11, 15, 16, 15, 12, 18]} />
        <tbody>
          <tr>
            <Label rowSpan={2 + (showSources ? 1 : 0)}>{m.budgetAndUse}</Label>
            <Label>{m.total}</Label>
            <Cell place={place('budget.total')}>{amount(m.total, b.total, (total) => setBudget({ total }), status.total)}</Cell>
            <Label>{m.fiscal}</Label>
            <Cell place={place('budget.fiscal')}>{amount(m.fiscal, b.fiscal, (fiscal) => setBudget({ fiscal }), status.fiscal)}</Cell>
            <Label>{m.other}</Label>
            <Cell place={place('budget.other')}>{amount(m.other, b.other, (other) => setBudget({ other }))}</Cell>
          </tr>
          {showSources && (
            <tr>
              <Cell colSpan={6} place={place('budget.sources')} className="form-value form-left">
                {editable ? (
                  <div className="sources-editor" role="group" aria-label={m.sources}>
                    <span className="sources-label">{m.sources}</span>
                    {b.sources.map((s, i) => (
                      <span key={i} className="source-item">
                        <AutoComplete
                          aria-label={m.sourceName(i + 1)}
                          value={s.name}
                          options={FUND_SOURCE_NAMES.map((n) => ({ value: n }))}
                          onChange={(name: string) => setSource(i, { name })}
                          style={{ width: 120 }}
                        />
                        <AmountInput
                          aria-label={m.sourceAmount(i + 1)}
                          value={s.amount}
                          status={status.sources}
                          onChange={(amount) => setSource(i, { amount })}
                          className="amount-input source-amount"
                        />
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={m.removeSource(i + 1)}
                          title={m.removeSource(i + 1)}
                          onClick={() => setBudget({ sources: b.sources.filter((_, n) => n !== i) })}
                        />
                      </span>
                    ))}
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() =>
                        setBudget({ sources: [...b.sources, { name: FUND_SOURCE_NAMES[b.sources.length] ?? '', amount: null }] })
                      }
                    >
                      {m.addSource}
                    </Button>
                  </div>
                ) : (
                  <Text>{b.sources.map((s) => `${s.name} ${s.amount ?? ''}`).join('；')}</Text>
                )}
              </Cell>
            </tr>
          )}
          <tr>
            <Cell colSpan={6} place={place('useOfFunds')} className="form-value form-left">
              {editable ? (
                <GrowingTextArea
                  aria-label={m.useOfFunds}
                  count={textCount('useOfFunds')}
                  placeholder={m.useOfFunds}
                  minRows={2}
                  value={project.useOfFunds}
                  status={status.useOfFunds}
                  onChange={(e) => onChange({ useOfFunds: e.target.value })}
                />
              ) : (
                <Text>{project.useOfFunds}</Text>
              )}
            </Cell>
          </tr>
        </tbody>
      </table>

      <table className="form-band">
        <ColumnWidths percents={[13, ...project.spendingPlan.map(() => 87 / project.spendingPlan.length)]} />
        <tbody>
          <tr>
            <th className="form-label" rowSpan={2} scope="row" id={placeId(place('spendingPlan'))}>
              <div className="form-cell">
                <div className="form-cell-body">{m.spendingPlan}</div>
                <Notes place={place('spendingPlan')} />
              </div>
              {editable && (
                <div className="plan-buttons">
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    aria-label={m.addCheckpoint}
                    title={m.addCheckpoint}
                    onClick={() => onChange({ spendingPlan: [...project.spendingPlan, { checkpoint: '', percent: null }] })}
                  />
                  <Button
                    size="small"
                    icon={<MinusOutlined />}
                    aria-label={m.removeCheckpoint}
                    title={m.removeCheckpoint}
                    disabled={project.spendingPlan.length === 0}
                    onClick={() => onChange({ spendingPlan: project.spendingPlan.slice(0, -1) })}
                  />
                </div>
              )}
            </th>
            {project.spendingPlan.map((c, i) => (
              <td key={i} className="form-label form-plan-checkpoint">
                {editable ? (
                  <Input
                    aria-label={`${m.checkpoint} ${i + 1}`}
                    count={textCount('checkpoint')}
                    value={c.checkpoint}
                    onChange={(e) => setCheckpoint(i, { checkpoint: e.target.value })}
                  />
                ) : (
                  c.checkpoint
                )}
              </td>
            ))}
          </tr>
          <tr>
            {project.spendingPlan.map((c, i) => (
              <td key={i} className="form-value">
                {amount(`${m.spendingPlan} ${c.checkpoint}`, c.percent, (percent) => setCheckpoint(i, { percent }), status.plan)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <table className="form-band">
        <ColumnWidths percents={[13, 87]} />
        <tbody>
          {(['annual', ...(hasLongTerm ? ['longTerm'] : [])] as Term[]).map((term) => (
            <tr key={term}>
              <Label>{hasLongTerm ? m.goalsOfTerm(term) : m.goals}</Label>
              <Cell place={place('goals')} className="form-value form-left">
                {editable ? (
                  <>
                    <LinesInput
                      aria-label={hasLongTerm ? m.goalsOfTerm(term) : m.goals}
                      placeholder={m.goalsHelp}
                      value={goalsOf(term)}
                      status={status.goals}
                      onChange={(lines) => setGoals(term, lines)}
                    />
                    {term === 'annual' && !hasLongTerm && (
                      <Button
                        size="small"
                        type="link"
                        icon={<PlusOutlined />}
                        onClick={() => setLongTermShown(true)}
                        className="add-long-term"
                      >
                        {m.addLongTermGoals}
                      </Button>
                    )}
                  </>
                ) : (
                  goalsOf(term).map((g, i) => (
                    <p key={i} className="form-paragraph">
                      {m.goalNumber(i + 1)}
                      {g}
                    </p>
                  ))
                )}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>

      {indicators}
    </div>
  );
}

/** Fields two to a row, as the form's label–value pairs. */
const pairs = <T,>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / 2) }, (_, i) => list.slice(2 * i, 2 * i + 2));
