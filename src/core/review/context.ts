/**
 * What rules look at: the document, each project and each indicator row, read once per review.
 * Everything several rules need (the parsed target, the 一级/二级 kinds, what the name measures)
 * is worked out here, so that a rule is a cheap test and a review stays linear in the rows.
 */
import { formForYear, level1KindOf, level2KindOf, type FrameworkForm, type Level1Kind, type Level2Kind } from '../framework/framework.ts';
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import type { TargetValue } from '../target-value/target-value.ts';
import type { ReviewSettings } from './settings.ts';
import { comparable, COST, MONEY_UNIT, PERCENT_LIKE, SATISFACTION, TIMELINESS } from './terms.ts';

/** Last year's actual value of an indicator, for the "target below last year's actual" rule. */
export interface HistoryEntry {
  projectCode: string;
  /** The indicator's name as last year's table wrote it (三级 or description). */
  description: string;
  /** The actual value, in the same grammar as targets, e.g. "96%". */
  actual: string;
}

export interface DocumentContext {
  kind: 'document';
  document: TargetDocument;
  /** The form the document's year follows. */
  form: FrameworkForm;
  settings: ReviewSettings;
  projects: ProjectContext[];
  /** Last year's actual values by project code and comparable indicator name; null without history. */
  history: ReadonlyMap<string, string> | null;
}

export interface ProjectContext {
  kind: 'project';
  project: Project;
  /** 1-based position in the document. */
  ordinal: number;
  document: DocumentContext;
  rows: RowContext[];
}

export interface RowContext {
  kind: 'row';
  indicator: Indicator;
  /** 1-based row within the project's indicator table. */
  row: number;
  project: ProjectContext;
  /** The indicator's name: the 三级 cell, or the description where 三级 is empty (as in the seed). */
  label: string;
  /** Everything the row says about what it measures: 三级 and description together. */
  wording: string;
  target: TargetValue;
  level1: Level1Kind | null;
  level2: Level2Kind | null;
  /** The name describes a share (…率, 满意…, 覆盖). */
  percentLike: boolean;
  satisfaction: boolean;
  /** The name, or a deadline target, is about when. */
  timeliness: boolean;
  /** The name, or a money unit, is about what it costs. */
  cost: boolean;
}

export const historyKey = (projectCode: string, name: string): string => `${projectCode.trim()}\u0000${comparable(name)}`;

function rowContext(indicator: Indicator, row: number, project: ProjectContext): RowContext {
  const level3 = indicator.level3.trim();
  const description = indicator.description.trim();
  const wording = level3 === '' ? description : description === '' ? level3 : `${level3}\n${description}`;
  const target = parseTargetValue(indicator.target);
  return {
    kind: 'row',
    indicator,
    row,
    project,
    label: level3 || description,
    wording,
    target,
    level1: level1KindOf(indicator.level1),
    level2: level2KindOf(indicator.level2),
    percentLike: PERCENT_LIKE.test(wording),
    satisfaction: SATISFACTION.test(wording),
    timeliness: TIMELINESS.test(wording) || (target.kind === 'qualitative' && target.scale === 'deadline'),
    cost: COST.test(wording) || (target.kind === 'quantitative' && MONEY_UNIT.test(target.unit)),
  };
}

export function documentContext(
  document: TargetDocument,
  settings: ReviewSettings,
  history: readonly HistoryEntry[] | undefined,
): DocumentContext {
  const context: DocumentContext = {
    kind: 'document',
    document,
    form: formForYear(document.year, settings.form2021FromYear),
    settings,
    projects: [],
    history: history ? new Map(history.map((h) => [historyKey(h.projectCode, h.description), h.actual])) : null,
  };
  document.projects.forEach((project, i) => {
    const p: ProjectContext = { kind: 'project', project, ordinal: i + 1, document: context, rows: [] };
    p.rows = project.indicators.map((indicator, j) => rowContext(indicator, j + 1, p));
    context.projects.push(p);
  });
  return context;
}
