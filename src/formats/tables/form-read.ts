/**
 * One form as read from its table(s), before a profile is chosen: texts kept with their place,
 * amounts not yet read (their unit may only be known from the profile).
 */
import type { EvaluationStatement } from '../../core/actuals/actuals.ts';
import type { AmountUnit, DecimalText, Indicator, Term } from '../../core/model/document.ts';
import type { ProjectFieldId } from '../../core/model/project-fields.ts';
import type { Points } from './level1-label.ts';
import type { DutyColumn, ExecutionColumn } from './labels.ts';
import type { PlacedText } from './place.ts';

export interface IndicatorRead {
  indicator: Indicator;
  /** 自评表 only: 完成值, 得分, 未完成原因分析. */
  actual: string | null;
  score: DecimalText | null;
  shortfallReason: string | null;
}

/** A 自评表's 预算执行情况 row: 总额, 财政资金, 其他资金 or another source, by column. */
export interface ExecutionRow {
  label: string;
  cells: Partial<Record<ExecutionColumn, PlacedText>>;
}

export interface FormRead {
  fields: Partial<Record<ProjectFieldId, PlacedText>>;
  unitCode: PlacedText | null;
  goals: { term: Term; text: string }[];
  /** 资金支出计划（%）: each checkpoint and its cumulative percentage. */
  spendingPlan: { checkpoint: string; percent: PlacedText }[];
  overallGoal: string | null;
  statements: EvaluationStatement[];
  indicators: IndicatorRead[];
  /** The indicator columns the table printed (one set's), and how many sets stood side by side. */
  columns: Set<string>;
  /** The headings printed above them, normalised (a profile's own headings are evidence for it). */
  headings: Set<string>;
  sets: number;
  flat: boolean;
  /** 一级 labels as printed (without points) and the points labels carried. */
  level1Names: Set<string>;
  level1Points: Map<string, Points>;
  blockTotal: DecimalText | null;
  execution: ExecutionRow[];
  /** Fund sources the header block lists under their own label. */
  sources: { name: string; amount: PlacedText }[];
  funds: { total: PlacedText | null; project: PlacedText | null; basic: PlacedText | null };
  duties: Partial<Record<DutyColumn, PlacedText>>[];
  /** 部门整体 by its title, labels or blocks. */
  department: boolean;
  declaredUnit: AmountUnit | null;
  year: number | null;
  /** The title printed above the form (a caption naming a 表), normalised: a profile's own title is evidence for it. */
  title: string | null;
  /** Where the form starts, for errors that concern it as a whole. */
  at: PlacedText['at'];
  /** Text in the header block that is neither a known label nor the value of one: refused, never dropped. */
  unread: PlacedText[];
}

export const emptyForm = (at: PlacedText['at']): FormRead => ({
  fields: {},
  unitCode: null,
  goals: [],
  spendingPlan: [],
  overallGoal: null,
  statements: [],
  indicators: [],
  columns: new Set(),
  headings: new Set(),
  sets: 0,
  flat: false,
  level1Names: new Set(),
  level1Points: new Map(),
  blockTotal: null,
  execution: [],
  sources: [],
  funds: { total: null, project: null, basic: null },
  duties: [],
  department: false,
  declaredUnit: null,
  year: null,
  title: null,
  at,
  unread: [],
});
