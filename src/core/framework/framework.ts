/**
 * The indicator framework (绩效指标体系): which 一级 and 二级 indicators exist, the names
 * documents use for them, and which form a budget year follows.
 *
 * Older form (used until 2020, e.g. the seed): 产出 → 数量/质量/时效/成本; 效果 (or 效益) →
 * 经济/社会/生态/可持续影响; 满意度 → 服务对象满意度.
 * 2021 form (财预〔2021〕101号): 成本 → 经济/社会/生态环境成本; 产出 → 数量/质量/时效;
 * 效益 → 经济/社会/生态效益; 满意度 → 服务对象满意度.
 */

/** 一级指标. */
export type Level1Kind = 'cost' | 'output' | 'outcome' | 'satisfaction';

/** 二级指标. */
export type Level2Kind =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economicCost'
  | 'socialCost'
  | 'ecologicalCost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainable'
  | 'satisfaction';

export type FrameworkForm = '2015' | '2021';

interface Level2Definition {
  kind: Level2Kind;
  /** The name the form prints. */
  name: string;
  /** Other names documents use (compared after removing spaces and a trailing 指标). */
  aliases: readonly string[];
}

interface Level1Definition {
  kind: Level1Kind;
  name: string;
  aliases: readonly string[];
  level2: readonly Level2Definition[];
}

const quantity: Level2Definition = { kind: 'quantity', name: '数量指标', aliases: ['数量'] };
const quality: Level2Definition = { kind: 'quality', name: '质量指标', aliases: ['质量'] };
const timeliness: Level2Definition = { kind: 'timeliness', name: '时效指标', aliases: ['时效'] };
const satisfaction: Level2Definition = {
  kind: 'satisfaction',
  name: '服务对象满意度指标',
  aliases: ['服务对象满意度', '社会公众或服务对象满意度', '满意度', '社会公众满意度'],
};
/** The 效益 second levels, the same in both forms (only the first level's name changed). */
const benefits: readonly Level2Definition[] = [
  { kind: 'economic', name: '经济效益指标', aliases: ['经济效益'] },
  // 东莞 prints the three as one 二级, "社会、经济、生态效益指标": filed with the first it names.
  { kind: 'social', name: '社会效益指标', aliases: ['社会效益', '社会、经济、生态效益', '社会经济生态效益'] },
  { kind: 'ecological', name: '生态效益指标', aliases: ['生态效益', '环境效益', '生态环境效益'] },
  { kind: 'sustainable', name: '可持续影响指标', aliases: ['可持续影响', '可持续影响效益'] },
];

const FORMS: Record<FrameworkForm, readonly Level1Definition[]> = {
  '2015': [
    {
      kind: 'output',
      name: '产出指标',
      aliases: ['产出'],
      // 东莞 prints 成本 as "预算(或投资规模)控制指标", read without its hint.
      level2: [quantity, quality, timeliness, { kind: 'cost', name: '成本指标', aliases: ['成本', '预算控制', '投资规模控制'] }],
    },
    {
      kind: 'outcome',
      name: '效果指标',
      aliases: ['效果', '效益', '效益指标'],
      level2: benefits,
    },
    { kind: 'satisfaction', name: '满意度指标', aliases: ['满意度'], level2: [satisfaction] },
  ],
  '2021': [
    {
      kind: 'cost',
      name: '成本指标',
      aliases: ['成本'],
      level2: [
        { kind: 'economicCost', name: '经济成本指标', aliases: ['经济成本'] },
        { kind: 'socialCost', name: '社会成本指标', aliases: ['社会成本'] },
        { kind: 'ecologicalCost', name: '生态环境成本指标', aliases: ['生态环境成本', '生态成本', '环境成本'] },
      ],
    },
    { kind: 'output', name: '产出指标', aliases: ['产出'], level2: [quantity, quality, timeliness] },
    {
      kind: 'outcome',
      name: '效益指标',
      aliases: ['效益', '效果', '效果指标'],
      level2: benefits,
    },
    { kind: 'satisfaction', name: '满意度指标', aliases: ['满意度'], level2: [satisfaction] },
  ],
};

/** The first budget year that follows the 2021 form (configurable per bureau). */
export const DEFAULT_FORM_2021_FROM_YEAR = 2021;

export function formForYear(year: number | null, form2021FromYear = DEFAULT_FORM_2021_FROM_YEAR): FrameworkForm {
  return year !== null && year < form2021FromYear ? '2015' : '2021';
}

/** The 一级 and 二级 indicators of a form, in the order the form prints them. */
export function frameworkOf(form: FrameworkForm): readonly Level1Definition[] {
  return FORMS[form];
}

const normalize = (name: string) => name.replace(/\s+/g, '').replace(/指标$/, '');

const level1Index = new Map<string, Level1Kind>();
const level2Index = new Map<string, Level2Kind>();
for (const form of Object.values(FORMS)) {
  for (const l1 of form) {
    for (const n of [l1.name, ...l1.aliases]) level1Index.set(normalize(n), l1.kind);
    for (const l2 of l1.level2) for (const n of [l2.name, ...l2.aliases]) level2Index.set(normalize(n), l2.kind);
  }
}
// 成本 as a 二级 under 产出 (older form) and as a 一级 (2021) share a name; as a 二级 it is 'cost'.
level2Index.set(normalize('成本指标'), 'cost');

/** Which 一级 a cell names, or null if it names none. */
export const level1KindOf = (name: string): Level1Kind | null => level1Index.get(normalize(name)) ?? null;

/** Which 二级 a cell names, or null if it names none. */
export const level2KindOf = (name: string): Level2Kind | null => level2Index.get(normalize(name)) ?? null;

/** A bracketed hint some forms print after a 二级 name: "数量指标(或建筑规模指标)", "时效指标（工期指标）". */
const HINT = /[(（][^)）]*[)）]/g;

/** Which 二级 a table cell names, read as printed and, failing that, without its bracketed hint. */
export function level2KindOfCell(cell: string): Level2Kind | null {
  return level2KindOf(cell) ?? (cell.includes('(') || cell.includes('（') ? level2KindOf(cell.replace(HINT, '')) : null);
}

/** The 一级 under which a 二级 belongs in a form (成本 belongs to 产出 in 2015 and is its own 一级 in 2021). */
export function parentOf(level2: Level2Kind, form: FrameworkForm): Level1Kind | null {
  for (const l1 of FORMS[form]) if (l1.level2.some((l2) => l2.kind === level2)) return l1.kind;
  return null;
}

/** The name a form prints for a 一级 or 二级. */
export function level1Name(kind: Level1Kind, form: FrameworkForm): string {
  return FORMS[form].find((l1) => l1.kind === kind)?.name ?? FORMS['2021'].find((l1) => l1.kind === kind)!.name;
}

export function level2Name(kind: Level2Kind, form: FrameworkForm): string {
  for (const f of [form, form === '2015' ? '2021' : '2015'] as const)
    for (const l1 of FORMS[f]) for (const l2 of l1.level2) if (l2.kind === kind) return l2.name;
  throw new Error(`unknown 二级 kind ${kind}`);
}
