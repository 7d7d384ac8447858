/**
 * Finding the text of a document that is longer than its cell holds (./text-limits.ts), for the
 * readers to report at its place.
 */
import type { Indicator, NumberedItem, TargetDocument } from './document.ts';
import { INDICATOR_COLUMNS, type IndicatorColumnId } from './indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS } from './project-fields.ts';
import { TEXT_LIMITS, type TextField } from './text-limits.ts';

export interface OverLongText {
  field: TextField;
  length: number;
  limit: number;
  /** 0-based project, when the text is in a project table. */
  projectIndex: number | null;
  /** 1-based indicator row, when the text is in one. */
  indicatorIndex: number | null;
}

interface PlacedText {
  field: TextField;
  text: string | null;
  projectIndex: number | null;
  indicatorIndex: number | null;
}

function* itemTexts(list: readonly NumberedItem[]): Generator<PlacedText> {
  for (const item of list) {
    yield { field: 'itemLabel', text: item.label, projectIndex: null, indicatorIndex: null };
    yield { field: 'itemText', text: item.text, projectIndex: null, indicatorIndex: null };
    yield* itemTexts(item.children);
  }
}

/** Every text of the document with the field it fills and where it stands. */
function* documentTexts(doc: TargetDocument): Generator<PlacedText> {
  const at = (field: TextField, text: string | null, projectIndex: number | null = null, indicatorIndex: number | null = null) => ({
    field,
    text,
    projectIndex,
    indicatorIndex,
  });
  yield at('unitCode', doc.unit.code);
  yield at('unitName', doc.unit.name);
  if (doc.department) {
    yield at('overallGoal', doc.department.overallGoal);
    yield* itemTexts(doc.department.subGoals);
    yield* itemTexts(doc.department.safeguards);
    for (const d of doc.department.duties ?? []) {
      yield at('duty', d.duty);
      yield at('dutyTask', d.task);
      yield at('projectName', d.projectName);
    }
    for (const [ii, i] of (doc.department.indicators ?? []).entries()) yield* indicatorTexts(i, null, ii + 1);
  }
  for (const [pi, p] of doc.projects.entries()) {
    yield at('projectCode', p.code, pi);
    yield at('projectName', p.name, pi);
    yield at('unitName', p.unit.name, pi);
    yield at('useOfFunds', p.useOfFunds, pi);
    yield at('department', p.department, pi);
    yield at('period', p.period, pi);
    for (const field of PROVINCIAL_PROJECT_FIELDS) yield at(field, p[field] ?? null, pi);
    for (const s of p.budget.sources) yield at('sourceName', s.name, pi);
    for (const c of p.spendingPlan) yield at('checkpoint', c.checkpoint, pi);
    for (const g of p.goals) yield at('goal', g.text, pi);
    for (const [ii, i] of p.indicators.entries()) yield* indicatorTexts(i, pi, ii + 1);
  }
}

/** Every text column of an indicator row (the descriptor's; 权重 is a number, held to no length). */
const INDICATOR_TEXTS = INDICATOR_COLUMNS.flatMap((c) => (c.type === 'text' ? [c.id as Exclude<IndicatorColumnId, 'weight'>] : []));

function* indicatorTexts(i: Indicator, projectIndex: number | null, indicatorIndex: number): Generator<PlacedText> {
  for (const field of INDICATOR_TEXTS) yield { field, text: i[field] ?? null, projectIndex, indicatorIndex };
}

/** The first text of the document longer than its limit, or undefined. */
export function firstOverLongText(doc: TargetDocument): OverLongText | undefined {
  for (const { field, text, projectIndex, indicatorIndex } of documentTexts(doc))
    if (text !== null && text.length > TEXT_LIMITS[field])
      return { field, length: text.length, limit: TEXT_LIMITS[field], projectIndex, indicatorIndex };
  return undefined;
}
