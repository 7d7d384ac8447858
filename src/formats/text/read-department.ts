/**
 * Part 1, 部门整体绩效目标: three headed sections of paragraphs. Each line of the export is one
 * paragraph; numbered items nest by their numbering style ("一、" holds "（一）").
 */
import type { DepartmentGoals } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { normalizeLabel } from './labels.ts';
import { readNumberedItems } from './numbering.ts';
import type { Fail } from './read-project.ts';

type Section = 'overallGoal' | 'subGoals' | 'safeguards';

const SECTIONS = new Map<string, Section>(
  Object.entries({
    总体绩效目标: 'overallGoal',
    总体目标: 'overallGoal',
    分项绩效目标: 'subGoals',
    分项目标: 'subGoals',
    具体绩效目标: 'subGoals',
    工作保障措施: 'safeguards',
    保障措施: 'safeguards',
  } satisfies Record<string, Section>),
);

/** "一、总体绩效目标" → its section; undefined for an ordinary paragraph. */
export function departmentSectionOf(line: string): Section | undefined {
  return SECTIONS.get(normalizeLabel(line).replace(/^[一二三四五六七八九十]+[、.]/, ''));
}

export interface DepartmentLine {
  line: number;
  text: string;
}

export function readDepartment(lines: readonly DepartmentLine[], fail: Fail): DepartmentGoals {
  const paragraphs: Record<Section, string[]> = { overallGoal: [], subGoals: [], safeguards: [] };
  let section: Section | null = null;
  for (const { line, text } of lines) {
    const heading = departmentSectionOf(text);
    if (heading !== undefined) section = heading;
    else if (section === null) fail(line, 'departmentGoals', named.textFormat.unknownDepartmentSection(text));
    else paragraphs[section].push(text);
  }
  return {
    overallGoal: paragraphs.overallGoal.join('\n'),
    subGoals: readNumberedItems(paragraphs.subGoals),
    safeguards: readNumberedItems(paragraphs.safeguards),
  };
}
