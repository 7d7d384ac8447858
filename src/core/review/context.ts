/**
 * What rules look at: the document, each project and each indicator row (a project's, or the
 * department-wide rows of a 部门整体支出绩效目标表), read once per review.
 * Everything several rules need (the parsed target, the 一级/二级 kinds, what the name measures)
 * is worked out here, so that a rule is a cheap test and a review stays linear in the rows.
 */
import { level1KindOf, level2KindOfCell, type FrameworkForm, type Level1Kind, type Level2Kind } from '../framework/framework.ts';
import type { FormProfile } from '../forms/profile.ts';
import type { PeerRange } from '../library/peer-range.ts';
import type { IndicatorColumnId, ResultColumnId } from '../model/indicator-columns.ts';
import type { ProjectFieldId } from '../model/project-fields.ts';
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import { parseRelation, parseTargetValue } from '../target-value/parse.ts';
import { isPercentage, type Operator, type TargetValue } from '../target-value/target-value.ts';
import { compareDecimal } from './compare.ts';
import { previousIndex, type ExAnteContext, type PreviousIndex } from '../ex-ante/required.ts';
import type { ReviewSettings } from './settings.ts';
import { BASIS_SOURCE, comparable, COST, MEASURE_NOUN, MONEY_UNIT, NATURE_WORDS, PERCENT_LIKE, SATISFACTION, TIMELINESS } from './terms.ts';

/** Last year's actual value of an indicator, for the "target below last year's actual" rule. */
export interface HistoryEntry {
  projectCode: string;
  /** The indicator's name (三级 or description), as this year's row or last year's table writes it. */
  description: string;
  /** The actual value, in the same grammar as targets, e.g. "96%". */
  actual: string;
  /** The year it was achieved in, where known (matched history knows it: ../library/history.ts). */
  year?: number;
}

export interface DocumentContext {
  kind: 'document';
  document: TargetDocument;
  /** The form profile (表样) the document follows: its bureau's pick, or the default for its year. */
  profile: FormProfile;
  /** The framework the profile follows (the year's, for the default profiles). */
  form: FrameworkForm;
  /** What the profile's form prints: a rule about a column or header field it lacks has nothing to say. */
  printed: { columns: ReadonlySet<IndicatorColumnId | ResultColumnId>; header: ReadonlySet<ProjectFieldId> };
  settings: ReviewSettings;
  projects: ProjectContext[];
  /** The department-wide indicator rows, where the department part has any. */
  department: DepartmentTableContext | null;
  /** Last year's actual values by project code and comparable indicator name; null without history. */
  history: ReadonlyMap<string, HistoryEntry> | null;
  /** The targets of each indicator family among the unit's peers, by family key; null without them. */
  peers: ReadonlyMap<string, PeerRange> | null;
  /** The stored 事前绩效评估 and the previous year's projects, indexed; null without them (the rule is silent). */
  exAnte: (ExAnteContext & { index: PreviousIndex | null }) | null;
}

export interface ProjectContext {
  kind: 'project';
  project: Project;
  /** 1-based position in the document. */
  ordinal: number;
  document: DocumentContext;
  rows: RowContext[];
  /** The 一级 the rows name; 成本 also when the older form's 成本 二级 is used. */
  level1s: Set<Level1Kind>;
  /** The 二级 the 产出 rows name. */
  outputLevel2s: Set<Level2Kind>;
}

/** The indicator table of a 部门整体支出绩效目标表: department-wide rows, which row rules read like a project's. */
export interface DepartmentTableContext {
  kind: 'department';
  document: DocumentContext;
  rows: RowContext[];
  level1s: Set<Level1Kind>;
  outputLevel2s: Set<Level2Kind>;
}

/** The table a row is in. */
export type TableContext = ProjectContext | DepartmentTableContext;

/**
 * What a 指标值确定依据 offers: a source (plan, standard, history, document number), a restatement
 * of the indicator (结案率 for a 结案率 row, a bare measure noun such as 满意度 or 交付额), or words
 * that name no source.
 */
export type BasisReading = 'empty' | 'source' | 'restatement' | 'unsourced';

/**
 * What the 指标性质 and 指标方向(性) cells state, each item with the cell text that said it: a
 * relation ("≥"), the way the measure improves (正向/反向), or whether it is counted (定量/定性).
 */
export interface StatedNature {
  operator: { text: string; operator: Operator } | null;
  sense: { text: string; sense: 'higher' | 'lower' } | null;
  kind: { text: string; kind: 'quantitative' | 'qualitative' } | null;
}

export interface RowContext {
  kind: 'row';
  indicator: Indicator;
  /** 1-based row within its table. */
  row: number;
  table: TableContext;
  /** The indicator's name: the 三级 cell, or the description where 三级 is empty (as in the seed). */
  label: string;
  /** Everything the row says about what it measures: 三级 and description together. */
  wording: string;
  /** The wording without spaces or punctuation, for comparing rows with each other and with history. */
  name: string;
  target: TargetValue;
  level1: Level1Kind | null;
  level2: Level2Kind | null;
  /** The name describes a share (…率, 满意…, 全覆盖). */
  percentLike: boolean;
  satisfaction: boolean;
  /** The name, or a deadline target, is about when. */
  timeliness: boolean;
  /** The name, or a money unit, is about what it costs. */
  cost: boolean;
  basis: BasisReading;
  stated: StatedNature;
  /**
   * Where the target is a bare 1 and the 指标解释 or 指标值确定依据 names a percentage above 1 as its
   * standard ("90%(计划标准)"): that percentage. A ratio was written where the form wants a percent.
   */
  percentStandard: TargetValue | null;
}

export const historyKey = (projectCode: string, name: string): string => `${projectCode.trim()}\u0000${comparable(name)}`;

const COST_LEVEL2: ReadonlySet<Level2Kind> = new Set(['cost', 'economicCost', 'socialCost', 'ecologicalCost']);

// 一级/二级 cells repeat the same few names on every row; bounded memos spare reading them again.
const MEMO_LIMIT = 4096;
const level1Memo = new Map<string, Level1Kind | null>();
const level2Memo = new Map<string, Level2Kind | null>();
function memoised<K>(memo: Map<string, K>, cell: string, read: (cell: string) => K): K {
  let kind = memo.get(cell);
  if (kind === undefined) {
    kind = read(cell);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(cell, kind);
  }
  return kind;
}

// Target cells repeat too ("≥90%", "≥95%", "是"): read each distinct text once. The readings are
// shared between rows, which rules only read.
const targetMemo = new Map<string, TargetValue>();

function readBasis(basisCell: string, name: string): BasisReading {
  const basis = comparable(basisCell);
  if (basis === '') return 'empty';
  if (BASIS_SOURCE.test(basis)) return 'source';
  return MEASURE_NOUN.test(basis) || name.includes(basis) ? 'restatement' : 'unsourced';
}

const NOTHING_STATED: StatedNature = { operator: null, sense: null, kind: null };

function readStated(cells: readonly (string | null | undefined)[]): StatedNature {
  let stated = NOTHING_STATED;
  for (const cell of cells) {
    const text = cell?.trim();
    if (!text) continue;
    if (stated === NOTHING_STATED) stated = { operator: null, sense: null, kind: null };
    const operator = parseRelation(text);
    if (operator !== undefined) stated.operator ??= { text, operator };
    const word = NATURE_WORDS[comparable(text)];
    if (word === undefined) continue;
    if ('sense' in word) stated.sense ??= { text, sense: word.sense };
    else stated.kind ??= { text, kind: word.kind };
  }
  return stated;
}

/** Text before a bracketed note: "90%(计划标准)" → "90%". */
const beforeNote = (text: string): string => text.split(/[(（]/, 1)[0]!;

function readPercentStandard(indicator: Indicator, target: TargetValue): TargetValue | null {
  if (target.kind !== 'quantitative' || target.unit !== '' || target.upper !== null || compareDecimal(target.value, '1') !== 0) return null;
  for (const cell of [indicator.explanation, indicator.basis]) {
    if (!cell) continue;
    const standard = parseTargetValue(beforeNote(cell));
    if (standard.kind === 'quantitative' && isPercentage(standard) && compareDecimal(standard.value, '1') > 0) return standard;
  }
  return null;
}

/** The 一级 a profile's form prints under its own names ("预期产出指标", "社会公众或服务对象满意度指标"), by cell text. */
const profileLevel1s = new WeakMap<FormProfile, ReadonlyMap<string, Level1Kind>>();
function profileLevel1Names(profile: FormProfile): ReadonlyMap<string, Level1Kind> {
  let names = profileLevel1s.get(profile);
  if (names === undefined) {
    names = new Map(profile.level1.map((l) => [l.name, l.kind]));
    profileLevel1s.set(profile, names);
  }
  return names;
}

/** A 一级 cell's kind: a name the profile prints, else the framework's names (which know the common variants). */
function readLevel1(cell: string, profile: FormProfile): Level1Kind | null {
  const names = profileLevel1Names(profile);
  return names.get(cell) ?? memoised(level1Memo, cell, level1KindOf) ?? names.get(cell.replace(SPACES, '')) ?? null;
}
const SPACES = /\s+/g;

function rowContext(indicator: Indicator, row: number, table: TableContext): RowContext {
  const level3 = indicator.level3.trim();
  const description = indicator.description.trim();
  const wording = level3 === '' ? description : description === '' ? level3 : `${level3}\n${description}`;
  const name = comparable(wording);
  const target = memoised(targetMemo, indicator.target, parseTargetValue);
  return {
    kind: 'row',
    indicator,
    row,
    table,
    label: level3 || description,
    wording,
    name,
    target,
    level1: readLevel1(indicator.level1, table.document.profile),
    level2: memoised(level2Memo, indicator.level2, level2KindOfCell),
    percentLike: PERCENT_LIKE.test(wording),
    satisfaction: SATISFACTION.test(wording),
    timeliness: TIMELINESS.test(wording) || (target.kind === 'qualitative' && target.scale === 'deadline'),
    cost: COST.test(wording) || (target.kind === 'quantitative' && MONEY_UNIT.test(target.unit)),
    basis: readBasis(indicator.basis, name),
    stated: indicator.nature || indicator.direction ? readStated([indicator.nature, indicator.direction]) : NOTHING_STATED,
    percentStandard: readPercentStandard(indicator, target),
  };
}

const printedSets = new WeakMap<FormProfile, DocumentContext['printed']>();
function printedBy(profile: FormProfile): DocumentContext['printed'] {
  let printed = printedSets.get(profile);
  if (printed === undefined) {
    printed = { columns: new Set(profile.columns.map((c) => c.id)), header: new Set(profile.header) };
    printedSets.set(profile, printed);
  }
  return printed;
}

export function documentContext(
  document: TargetDocument,
  settings: ReviewSettings,
  history: readonly HistoryEntry[] | undefined,
  profile: FormProfile,
  peers: ReadonlyMap<string, PeerRange> | undefined,
  exAnte?: ExAnteContext,
): DocumentContext {
  const context: DocumentContext = {
    kind: 'document',
    document,
    profile,
    form: profile.framework,
    printed: printedBy(profile),
    settings,
    projects: [],
    department: null,
    history: history ? new Map(history.map((h) => [historyKey(h.projectCode, h.description), h])) : null,
    peers: peers ?? null,
    exAnte: exAnte ? { ...exAnte, index: previousIndex(exAnte.previous) } : null,
  };
  document.projects.forEach((project, i) => {
    const p: ProjectContext = {
      kind: 'project',
      project,
      ordinal: i + 1,
      document: context,
      rows: [],
      level1s: new Set(),
      outputLevel2s: new Set(),
    };
    readRows(p, project.indicators);
    context.projects.push(p);
  });
  const departmentRows = document.department?.indicators;
  if (departmentRows?.length) {
    const d: DepartmentTableContext = { kind: 'department', document: context, rows: [], level1s: new Set(), outputLevel2s: new Set() };
    readRows(d, departmentRows);
    context.department = d;
  }
  return context;
}

function readRows(table: TableContext, indicators: readonly Indicator[]): void {
  table.rows = indicators.map((indicator, j) => rowContext(indicator, j + 1, table));
  for (const r of table.rows) {
    if (r.level1 !== null) table.level1s.add(r.level1);
    if (r.level2 !== null && COST_LEVEL2.has(r.level2)) table.level1s.add('cost');
    if (r.level1 === 'output' && r.level2 !== null) table.outputLevel2s.add(r.level2);
  }
}
