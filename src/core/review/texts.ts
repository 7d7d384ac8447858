/**
 * The free-text cells of a document — each project's and its rows', the department part's prose,
 * 履职目标 and rows — each with the place and field a finding names: what the rules looking for
 * text the template left behind (placeholders, instructions) read.
 */
import type { NumberedItem } from '../model/document.ts';
import type { DocumentContext, ProjectContext, RowContext, TableContext } from './context.ts';

/** Which cell, as the messages name it. */
export type TextPart =
  | 'name'
  | 'useOfFunds'
  | 'goals'
  | 'overallGoal'
  | 'subGoals'
  | 'safeguards'
  | 'duty'
  | 'dutyTask'
  | 'level3'
  | 'description'
  | 'target'
  | 'basis'
  | 'explanation'
  | 'remark';

export interface TextCell {
  at: DocumentContext | ProjectContext | RowContext;
  field: string;
  part: TextPart;
  text: string;
}

const ROW_PARTS = ['level3', 'description', 'target', 'basis', 'explanation', 'remark'] as const;

function* items(list: readonly NumberedItem[]): Generator<string> {
  for (const item of list) {
    yield item.text;
    yield* items(item.children);
  }
}

function* rowCells(table: TableContext): Generator<TextCell> {
  for (const row of table.rows)
    for (const part of ROW_PARTS) {
      const text = row.indicator[part];
      if (text) yield { at: row, field: `indicators.${part}`, part, text };
    }
}

export function* textCells(document: DocumentContext): Generator<TextCell> {
  const department = document.document.department;
  if (department) {
    yield { at: document, field: 'department.overallGoal', part: 'overallGoal', text: department.overallGoal };
    for (const text of items(department.subGoals)) yield { at: document, field: 'department.subGoals', part: 'subGoals', text };
    for (const text of items(department.safeguards)) yield { at: document, field: 'department.safeguards', part: 'safeguards', text };
    for (const d of department.duties ?? []) {
      yield { at: document, field: 'department.duties', part: 'duty', text: d.duty };
      yield { at: document, field: 'department.duties', part: 'dutyTask', text: d.task };
    }
  }
  if (document.department) yield* rowCells(document.department);
  for (const project of document.projects) {
    const p = project.project;
    yield { at: project, field: 'name', part: 'name', text: p.name };
    yield { at: project, field: 'useOfFunds', part: 'useOfFunds', text: p.useOfFunds };
    for (const goal of p.goals) yield { at: project, field: 'goals', part: 'goals', text: goal.text };
    yield* rowCells(project);
  }
}
