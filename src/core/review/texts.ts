/**
 * The free-text cells of a project and its rows, each with the place and field a finding names:
 * what the rules looking for text the template left behind (placeholders, instructions) read.
 */
import type { ProjectContext, RowContext } from './context.ts';

/** Which cell, as the messages name it. */
export type TextPart = 'name' | 'useOfFunds' | 'goals' | 'level3' | 'description' | 'target' | 'basis' | 'explanation' | 'remark';

export interface TextCell {
  at: ProjectContext | RowContext;
  field: string;
  part: TextPart;
  text: string;
}

const ROW_PARTS = ['level3', 'description', 'target', 'basis', 'explanation', 'remark'] as const;

export function* textCells(project: ProjectContext): Generator<TextCell> {
  const p = project.project;
  yield { at: project, field: 'name', part: 'name', text: p.name };
  yield { at: project, field: 'useOfFunds', part: 'useOfFunds', text: p.useOfFunds };
  for (const goal of p.goals) yield { at: project, field: 'goals', part: 'goals', text: goal.text };
  for (const row of project.rows)
    for (const part of ROW_PARTS) {
      const text = row.indicator[part];
      if (text) yield { at: row, field: `indicators.${part}`, part, text };
    }
}
