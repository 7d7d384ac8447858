/**
 * The most each text of a document may hold, in characters: what the cells of the official forms
 * hold with room to spare (the longest of the seed's 资金用途 is 147). Longer text is no target a
 * reader can take in, and a form cannot print it: the model's schema carries these limits (so the
 * API refuses such text), the readers report it, and the editor counts against them.
 */
import type { NumberedItem, TargetDocument } from './document.ts';

export const TEXT_LIMITS = {
  unitCode: 50,
  unitName: 100,
  itemLabel: 20,
  itemText: 2000,
  overallGoal: 3000,
  sourceName: 50,
  checkpoint: 20,
  goal: 1000,
  level1: 20,
  level2: 30,
  level3: 200,
  description: 500,
  target: 200,
  basis: 500,
  remark: 500,
  projectCode: 60,
  projectName: 200,
  useOfFunds: 2000,
  department: 100,
  period: 50,
} as const;
export type TextField = keyof typeof TEXT_LIMITS;

/** The property each text is stored under in the model (several share a name, never a name and a limit). */
const PROPERTY: Record<TextField, string> = {
  unitCode: 'code',
  unitName: 'name',
  itemLabel: 'label',
  itemText: 'text',
  overallGoal: 'overallGoal',
  sourceName: 'name',
  checkpoint: 'checkpoint',
  goal: 'text',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  description: 'description',
  target: 'target',
  basis: 'basis',
  remark: 'remark',
  projectCode: 'code',
  projectName: 'name',
  useOfFunds: 'useOfFunds',
  department: 'department',
  period: 'period',
};

/** Which text a schema's length error is about, from the property and the limit it names. */
export const textFieldOf = (property: string, limit: number): TextField | undefined =>
  (Object.keys(TEXT_LIMITS) as TextField[]).find((f) => PROPERTY[f] === property && TEXT_LIMITS[f] === limit);

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
  const at = (field: TextField, text: string | null, projectIndex: number | null = null, indicatorIndex: number | null = null) => ({ field, text, projectIndex, indicatorIndex });
  yield at('unitCode', doc.unit.code);
  yield at('unitName', doc.unit.name);
  if (doc.department) {
    yield at('overallGoal', doc.department.overallGoal);
    yield* itemTexts(doc.department.subGoals);
    yield* itemTexts(doc.department.safeguards);
  }
  for (const [pi, p] of doc.projects.entries()) {
    yield at('projectCode', p.code, pi);
    yield at('projectName', p.name, pi);
    yield at('unitName', p.unit.name, pi);
    yield at('useOfFunds', p.useOfFunds, pi);
    yield at('department', p.department, pi);
    yield at('period', p.period, pi);
    for (const s of p.budget.sources) yield at('sourceName', s.name, pi);
    for (const c of p.spendingPlan) yield at('checkpoint', c.checkpoint, pi);
    for (const g of p.goals) yield at('goal', g.text, pi);
    for (const [ii, i] of p.indicators.entries())
      for (const field of ['level1', 'level2', 'level3', 'description', 'target', 'basis', 'remark'] as const) yield at(field, i[field], pi, ii + 1);
  }
}

/** The first text of the document longer than its limit, or undefined. */
export function firstOverLongText(doc: TargetDocument): OverLongText | undefined {
  for (const { field, text, projectIndex, indicatorIndex } of documentTexts(doc))
    if (text !== null && text.length > TEXT_LIMITS[field]) return { field, length: text.length, limit: TEXT_LIMITS[field], projectIndex, indicatorIndex };
  return undefined;
}
