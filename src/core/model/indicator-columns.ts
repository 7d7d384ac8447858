/**
 * Every column an indicator table may have, across the provinces' forms: the one description the
 * readers (which heading is which column), the writers (which columns, how wide), the store (which
 * database column) and the editor share. A form profile (../forms/profile.ts) picks and orders them.
 *
 * Headings are matched after `normalizeHeading`: real forms break headings over lines ("一级
 * 指标"), add the unit or a hint in brackets ("指标值(或计划水平)") and mix full- and half-width.
 * The headings a form prints are data taken from published forms (docs/forms/README.md), not UI
 * text; the headings jixiao itself prints are in i18n (form-headings.ts).
 */
import type { Indicator } from './document.ts';

/** A column of the target table, named by the model property it fills. */
export type IndicatorColumnId = Exclude<keyof Indicator, 'term'>;

/** A column only a self-evaluation table (自评表) has: what happened, not what was planned. */
export type ResultColumnId = 'actual' | 'score' | 'shortfallReason';

export interface ColumnDescriptor<Id extends string> {
  id: Id;
  /** Headings published forms print for it (normalised before comparison). */
  aliases: readonly string[];
  /** 'decimal' cells are exact amounts or points; everything else is kept as written. */
  type: 'text' | 'decimal';
  /** A sensible printed width, in CJK characters of the table's type size. */
  width: number;
  /**
   * 'every': every form prints it; 'default': jixiao's own form and the sample print it, a profile
   * may leave it out; 'provincial': only the profiles that list it print it, and the model holds it
   * as an optional property (absent or null where a form has no such column).
   */
  shown: 'every' | 'default' | 'provincial';
}

export const INDICATOR_COLUMNS: readonly ColumnDescriptor<IndicatorColumnId>[] = [
  { id: 'level1', aliases: ['一级指标', '一级', '绩效指标一级', '绩效目标'], type: 'text', width: 5, shown: 'every' },
  { id: 'level2', aliases: ['二级指标', '二级', '绩效指标二级', '评价指标'], type: 'text', width: 5, shown: 'every' },
  { id: 'level3', aliases: ['三级指标', '三级', '绩效指标三级', '指标名称'], type: 'text', width: 8, shown: 'every' },
  { id: 'description', aliases: ['绩效指标描述', '指标描述', '指标内容', '绩效内容'], type: 'text', width: 14, shown: 'default' },
  { id: 'nature', aliases: ['指标性质', '指标类型'], type: 'text', width: 4, shown: 'provincial' },
  {
    id: 'target',
    aliases: [
      '指标值',
      '目标值',
      '年度指标值',
      '计划指标值',
      '计划指标值(或计划水平)',
      '指标值(或计划水平)',
      '当年度指标值',
      '实施周期指标值',
      '指标值及单位',
      '绩效目标值',
      '全年绩效目标',
      '全年绩效目标值',
      '年度绩效目标值',
    ],
    type: 'text',
    width: 7,
    shown: 'every',
  },
  { id: 'measureUnit', aliases: ['度量单位', '计量单位', '单位'], type: 'text', width: 4, shown: 'provincial' },
  {
    id: 'weight',
    aliases: ['权重', '分值', '指标分值', '指标权重', '权重(分)', '分值(分)'],
    type: 'decimal',
    width: 4,
    shown: 'provincial',
  },
  { id: 'direction', aliases: ['指标方向性', '指标方向', '方向'], type: 'text', width: 4, shown: 'provincial' },
  { id: 'explanation', aliases: ['指标解释', '指标说明', '指标定义'], type: 'text', width: 12, shown: 'provincial' },
  {
    id: 'basis',
    aliases: ['指标值确定依据', '指标值设定依据', '目标值确定依据', '评(计)分标准', '评分标准', '标准类型', '绩效标准'],
    type: 'text',
    width: 10,
    shown: 'default',
  },
  { id: 'origin', aliases: ['指标来源'], type: 'text', width: 5, shown: 'provincial' },
  { id: 'previousYear', aliases: ['上年指标值', '上年实际值', '上年值', '上年完成值'], type: 'text', width: 6, shown: 'provincial' },
  { id: 'yearBeforeLast', aliases: ['前年指标值', '前年实际值', '前年值', '前年完成值'], type: 'text', width: 6, shown: 'provincial' },
  { id: 'remark', aliases: ['备注', '说明'], type: 'text', width: 6, shown: 'default' },
];

export const RESULT_COLUMNS: readonly ColumnDescriptor<ResultColumnId>[] = [
  {
    id: 'actual',
    aliases: ['完成值', '实际完成值', '实际值', '全年实际值', '全年完成值', '指标完成值'],
    type: 'text',
    width: 7,
    shown: 'provincial',
  },
  { id: 'score', aliases: ['得分', '实际得分', '自评得分'], type: 'decimal', width: 4, shown: 'provincial' },
  {
    id: 'shortfallReason',
    aliases: ['未完成原因分析', '偏差原因分析及改进措施', '未完成原因', '偏差原因', '原因'],
    type: 'text',
    width: 12,
    shown: 'provincial',
  },
];

/** The columns the model holds as optional properties, in the descriptor's order. */
export const PROVINCIAL_INDICATOR_COLUMNS = INDICATOR_COLUMNS.filter((c) => c.shown === 'provincial');

/**
 * A heading as it compares: NFKC (full-width letters and brackets to half-width), no whitespace
 * (headings break over lines), Chinese brackets as ASCII.
 */
export const normalizeHeading = (heading: string): string =>
  heading
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[（［【]/gu, '(')
    .replace(/[）］】]/gu, ')');

const BRACKETED = /\([^)]*\)/gu;

// Readers ask for every cell of a table's first rows: the aliases are normalised once per descriptor.
const aliasIndexes = new WeakMap<readonly { id: string; aliases: readonly string[] }[], Map<string, string>>();

/** The first entry (in the descriptor's order) with an alias that reads as `normalized`. */
export function byNormalizedAlias<Id extends string>(
  entries: readonly { id: Id; aliases: readonly string[] }[],
  normalized: string,
): Id | undefined {
  let index = aliasIndexes.get(entries);
  if (index === undefined) {
    index = new Map();
    for (const e of entries) for (const a of e.aliases) if (!index.has(normalizeHeading(a))) index.set(normalizeHeading(a), e.id);
    aliasIndexes.set(entries, index);
  }
  return index.get(normalized) as Id | undefined;
}

/** The column a printed heading names; a bracketed hint ("(万元)", "(或计划水平)") is tried without. */
export function columnOfHeading<Id extends string>(columns: readonly ColumnDescriptor<Id>[], heading: string): Id | undefined {
  const h = normalizeHeading(heading);
  if (h === '') return undefined;
  const found = byNormalizedAlias(columns, h);
  if (found !== undefined || !h.includes('(')) return found;
  return byNormalizedAlias(columns, h.replace(BRACKETED, ''));
}
