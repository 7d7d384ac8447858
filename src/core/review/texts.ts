/**
 * The free-text cells of a document — each project's and its rows', the department part's prose,
 * 履职目标 and rows — that may hold what a template left behind: a placeholder (指标1, XXX, ……) or
 * an instruction ("(200字以内)", "请填写…"). The rules looking for those read only these cells.
 *
 * A review reads every cell of a province: one walk per document finds, by a character test, the
 * few cells that could hold either, and both rules share its result.
 */
import type { Messages } from '../../i18n/index.ts';
import type { NumberedItem } from '../model/document.ts';
import type { DocumentContext, ProjectContext, RowContext, TableContext } from './context.ts';

/** Which cell, as the messages name it (the ids are the catalog's). */
export type TextPart = Parameters<Messages['review']['rules']['completeness.placeholder']['suggestion']>[0]['part'];

export interface TextCell {
  at: DocumentContext | ProjectContext | RowContext;
  field: string;
  part: TextPart;
  text: string;
}

/** Longer than any whole-cell placeholder ("指标十二", "……………"): such cells are not tested whole. */
export const PLACEHOLDER_LENGTH = 24;

/** Characters that may start a whole-cell placeholder, by code. */
const PLACEHOLDER_START = new Uint8Array(0x10000);
for (const c of '指目xX×＊*.．。…·') PLACEHOLDER_START[c.charCodeAt(0)] = 1;
/**
 * What every XXX run and every instruction the template-text rule knows holds: an x or ×, 请, 填, a
 * number of characters ("200字"), 自评情况 or 问题及原因 — rare in what units write.
 */
const SUSPECT = /[xX×请填]|\d\s*字|自评情况|问题及原因/;

function mayBeWholePlaceholder(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first !== 0x3000) return text.length <= PLACEHOLDER_LENGTH && PLACEHOLDER_START[first] === 1;
  const start = text.trimStart();
  return start.length > 0 && start.length <= PLACEHOLDER_LENGTH && PLACEHOLDER_START[start.charCodeAt(0)] === 1;
}

function collect(document: DocumentContext): TextCell[] {
  const found: TextCell[] = [];
  const visit = (at: TextCell['at'], field: string, part: TextPart, text: string) => {
    if (text && (mayBeWholePlaceholder(text) || SUSPECT.test(text))) found.push({ at, field, part, text });
  };
  const items = (list: readonly NumberedItem[], field: string, part: TextPart): void => {
    for (const item of list) {
      visit(document, field, part, item.text);
      items(item.children, field, part);
    }
  };
  const rows = (table: TableContext): void => {
    for (const row of table.rows) {
      // A target the grammar reads holds neither an XXX run nor an instruction; only its whole cell is looked at.
      const { level3, description, target, basis, explanation, remark } = row.indicator;
      if (row.target.kind === 'unreadable' && mayBeWholePlaceholder(target))
        found.push({ at: row, field: 'indicators.target', part: 'target', text: target });
      // Spelled out rather than looped over the part names: this runs for every row of a province. The
      // row's wording (三级 and description together) is tested first: most rows hold nothing suspect.
      if (SUSPECT.test(row.wording) || mayBeWholePlaceholder(level3) || mayBeWholePlaceholder(description)) {
        if (level3) visit(row, 'indicators.level3', 'level3', level3);
        if (description) visit(row, 'indicators.description', 'description', description);
      }
      if (basis) visit(row, 'indicators.basis', 'basis', basis);
      if (explanation) visit(row, 'indicators.explanation', 'explanation', explanation);
      if (remark) visit(row, 'indicators.remark', 'remark', remark);
    }
  };
  const department = document.document.department;
  if (department) {
    visit(document, 'department.overallGoal', 'overallGoal', department.overallGoal);
    items(department.subGoals, 'department.subGoals', 'subGoals');
    items(department.safeguards, 'department.safeguards', 'safeguards');
    for (const d of department.duties ?? []) {
      visit(document, 'department.duties', 'duty', d.duty);
      visit(document, 'department.duties', 'dutyTask', d.task);
    }
  }
  if (document.department) rows(document.department);
  for (const project of document.projects) {
    const p = project.project;
    visit(project, 'name', 'name', p.name);
    visit(project, 'useOfFunds', 'useOfFunds', p.useOfFunds);
    for (const goal of p.goals) visit(project, 'goals', 'goals', goal.text);
    rows(project);
  }
  return found;
}

const collected = new WeakMap<DocumentContext, TextCell[]>();

/** The document's cells that may hold a placeholder or an instruction, found once per review. */
export function suspectTexts(document: DocumentContext): readonly TextCell[] {
  let cells = collected.get(document);
  if (cells === undefined) {
    cells = collect(document);
    collected.set(document, cells);
  }
  return cells;
}
