/**
 * Realistic target documents made from a seed: the benchmark corpus, and round-trip tests of
 * every format. Pure and repeatable — the same options give the same documents — so a failing
 * round trip can be replayed. Amounts add up to the cent, spending plans end at 100, and each
 * project has 4–10 indicators across 产出/效果(效益)/满意度 (and 成本 in the 2021 form).
 */
import type { DepartmentGoals, Goal, Indicator, NumberedItem, Project, SpendingCheckpoint, TargetDocument, Unit } from './document.ts';

/** Which layout variations of real published documents to produce. */
export interface GenerateLayout {
  /** Spending-plan checkpoints: the seed's 3/6/10/12月底, monthly 1月…12月, or quarterly 第一季度…第四季度. */
  checkpoints?: 'seed' | 'monthly' | 'quarterly';
  /** Name of the outcome 一级: 效果指标 (older form) or 效益指标. */
  outcomeName?: '效果指标' | '效益指标';
  /** The 2021 form: 成本指标 as a 一级 (经济成本指标 …) instead of a 二级 under 产出. */
  costAsLevel1?: boolean;
  /** Long-term goals and indicators beside the annual ones. */
  longTerm?: boolean;
  /** Some projects have 其他资金 besides 财政资金. */
  otherFunds?: boolean;
  /** Itemised fund sources (财政拨款/自有资金/事业收入/经营性收入/其他) adding up to 预算数. */
  fundSources?: boolean;
  /** Part 1, 部门整体绩效目标. Default true. */
  department?: boolean;
  /** 主管部门, 项目属性 (新增/延续) and 项目起止时间. */
  optionalFields?: boolean;
  /** Fill the 三级指标 column (the seed leaves it empty). */
  level3?: boolean;
  /** A 备注 on some indicator rows. */
  remarks?: boolean;
  /**
   * The columns only some provinces' forms print, each left out on some rows (absent, as a form
   * without the column has it): 指标性质, 度量单位, 权重, … on indicator rows; 项目分类, 建设周期, … and
   * 中期预算 on projects; and the 部门整体支出绩效目标表's fund totals, 履职目标 and indicators.
   */
  provincial?: boolean;
}

export interface GenerateOptions {
  seed: number;
  /** Number of unit documents. Default 1. */
  units?: number;
  /** Projects per unit: a number, or [min, max]. Default [3, 8]. */
  projectsPerUnit?: number | readonly [number, number];
  /** Budget year. Default 2020. */
  year?: number;
  layout?: GenerateLayout;
}

/** mulberry32: a small, well-spread 32-bit PRNG; Math.random cannot be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  /** A shuffled copy (Fisher–Yates). */
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, shuffled, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

const COUNTIES = [
  '怀来县',
  '涿鹿县',
  '蔚县',
  '阳原县',
  '怀安县',
  '万全区',
  '崇礼区',
  '张北县',
  '康保县',
  '沽源县',
  '尚义县',
  '赤城县',
  '宣化区',
  '下花园区',
];
const BUREAUS = [
  '司法局',
  '教育局',
  '卫生健康局',
  '农业农村局',
  '民政局',
  '文化广电和旅游局',
  '交通运输局',
  '自然资源和规划局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '水务局',
  '市场监督管理局',
  '应急管理局',
  '审计局',
  '统计局',
  '林业和草原局',
  '退役军人事务局',
  '医疗保障局',
  '科学技术局',
  '生态环境分局',
];
const WORKS = [
  '法律援助',
  '普法宣传',
  '社区矫正',
  '人民调解',
  '办公设备购置',
  '信息化系统运行维护',
  '业务培训',
  '专项检查',
  '办公用房维修',
  '政府购买服务',
  '档案数字化',
  '应急物资储备',
  '公共服务平台建设',
  '安全生产监管',
  '农村环境整治',
  '困难群众救助',
  '校舍安全改造',
  '基层卫生服务',
  '文化惠民演出',
  '道路养护',
  '河道清淤',
  '森林防火',
];
const PROJECT_TYPES = ['JBN', 'YBN', 'XMN'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const BASES = ['计划标准', '行业标准', '历史标准', '项目实施方案', '年度工作计划'];

interface IndicatorTemplate {
  level2: string;
  name: string;
  target: (r: Random) => string;
}

const OUTPUT: IndicatorTemplate[] = [
  { level2: '数量指标', name: '开展培训', target: (r) => `≥${r.int(2, 12)}次` },
  { level2: '数量指标', name: '受益人数', target: (r) => `≥${r.int(1, 50) * 100}人` },
  { level2: '数量指标', name: '制作宣传展板', target: (r) => `≥${r.int(10, 60)}张` },
  { level2: '数量指标', name: '购置设备', target: (r) => `${r.int(2, 40)}台` },
  { level2: '数量指标', name: '检查覆盖单位', target: (r) => `≥${r.int(10, 120)}家` },
  { level2: '质量指标', name: '验收合格率', target: (r) => `≥${r.pick([90, 95, 98, 100])}%` },
  { level2: '质量指标', name: '案件结案率', target: (r) => `≥${r.pick([90, 95, 98])}%` },
  { level2: '质量指标', name: '设备完好率', target: (r) => `≥${r.pick([95, 98])}%` },
  { level2: '时效指标', name: '任务完成及时率', target: () => '100%' },
  { level2: '时效指标', name: '案件办结时限', target: (r) => `≤${r.pick([15, 30, 60])}天` },
];
const OUTCOME: IndicatorTemplate[] = [
  { level2: '社会效益指标', name: '群众知晓率', target: (r) => `≥${r.pick([80, 85, 90])}%` },
  { level2: '社会效益指标', name: '服务覆盖率', target: (r) => `≥${r.pick([90, 95])}%` },
  { level2: '社会效益指标', name: '公共服务水平', target: (r) => r.pick(['明显提升', '有所提升']) },
  { level2: '经济效益指标', name: '带动相关收入增长', target: (r) => `≥${r.int(2, 10)}%` },
  { level2: '生态效益指标', name: '环境质量', target: () => '明显改善' },
  { level2: '可持续影响指标', name: '长效机制建立', target: () => '是' },
];
const SATISFACTION: IndicatorTemplate[] = [
  { level2: '服务对象满意度指标', name: '服务对象满意度', target: (r) => `≥${r.pick([85, 90, 95])}%` },
  { level2: '服务对象满意度指标', name: '群众满意度', target: (r) => `≥${r.pick([80, 90])}%` },
];

const CHECKPOINTS: Record<NonNullable<GenerateLayout['checkpoints']>, readonly string[]> = {
  seed: ['3月底', '6月底', '10月底', '12月底'],
  monthly: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  quarterly: ['第一季度', '第二季度', '第三季度', '第四季度'],
};

/** Cents as a two-decimal amount: integer cents are exact, so the parts add up to the total. */
const yuan = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export function generateDocuments(options: GenerateOptions): TargetDocument[] {
  const r = prng(options.seed);
  const year = options.year ?? 2020;
  const layout = options.layout ?? {};
  const docs: TargetDocument[] = [];
  const units = options.units ?? 1;
  for (let u = 0; u < units; u++) {
    const prefix = 300 + ((u * 7 + r.int(0, 6)) % 700);
    const unit: Unit = {
      code: `${prefix}${String((u % 999) + 1).padStart(3, '0')}`,
      name: `${COUNTIES[u % COUNTIES.length]}${BUREAUS[Math.floor(u / COUNTIES.length) % BUREAUS.length]}`,
    };
    const range = options.projectsPerUnit ?? [3, 8];
    const count = typeof range === 'number' ? range : r.int(range[0], range[1]);
    const projects: Project[] = [];
    for (let i = 0; i < count; i++) projects.push(project(r, unit, prefix, year, layout));
    const goals = layout.department === false ? null : department(r, unit, year);
    docs.push({
      unit,
      year,
      department: goals && layout.provincial ? { ...goals, ...departmentTable(r, year, layout) } : goals,
      projects,
    });
  }
  return docs;
}

function department(r: Random, unit: Unit, year: number): DepartmentGoals {
  const item = (label: string, text: string, children: NumberedItem[] = []): NumberedItem => ({ label, text, children });
  const works = r.shuffled(WORKS).slice(0, 5);
  const n = r.int(3, 5);
  return {
    overallGoal: `${year}年${unit.name}围绕年初确定的各项目标任务，着力推进${works[0]}、${works[1]}等重点工作，提升公共服务水平。`,
    subGoals: works.slice(0, n).map((w, i) => item(`${'一二三四五'[i]}、`, `做好${w}工作，完成年度目标任务。`)),
    safeguards: [
      item('一、', '加强组织领导，落实工作责任。', [item('（一）', '明确分管领导'), item('（二）', '细化任务分工')]),
      item('二、', '规范资金管理，提高资金使用效益。'),
      item('三、', '强化绩效监控，及时纠正偏差。'),
    ],
  };
}

/** 部门整体支出绩效目标表: 资金总额 = 项目支出 + 基本支出, 履职目标 rows, department-wide indicators. */
function departmentTable(r: Random, year: number, layout: GenerateLayout): Pick<DepartmentGoals, 'funds' | 'duties' | 'indicators'> {
  const project = r.int(100, 90000);
  const basic = r.int(100, 90000);
  const works = r.shuffled(WORKS).slice(0, r.int(1, 4));
  return {
    funds: { amountUnit: '万元', total: yuan(project + basic), project: yuan(project), basic: yuan(basic) },
    duties: works.map((w) => ({
      duty: `负责${w}相关工作`,
      task: `完成${w}年度任务`,
      projectName: w,
      amount: r.chance(0.8) ? yuan(r.int(100, 9000)) : null,
    })),
    indicators: indicatorRows(r, '部门整体', yuan(project + basic), year, layout, 'annual'),
  };
}

/** The header fields some provinces' forms print, each left out now and then. */
function projectHeader(r: Random, year: number): Partial<Project> {
  const out: Partial<Project> = {};
  if (r.chance(0.8)) out.category = r.pick(['(31)部门预算项目', '(32)民生类', '(33)运转类']);
  if (r.chance(0.7)) out.constructionPeriod = r.pick(['1年', '3年', `${year}-${year + 2}年`]);
  if (r.chance(0.7)) out.manager = r.pick(['张伟', '李娜', '王芳']);
  if (r.chance(0.5)) out.approvalNumber = `怀财预〔${year}〕${r.int(1, 99)}号`;
  if (r.chance(0.6)) out.subjectCode = r.pick(['2040601', '2010301', '2120501']);
  return out;
}

/** An indicator row's provincial columns, 指标性质 and 度量单位 taken from its 指标值 ("≥95%" → "≥", "%"). */
function provincialIndicator(r: Random, target: string): Partial<Indicator> {
  const quantity = /^([≥≤<>=]?)([0-9]+(?:\.[0-9]+)?)(.*)$/u.exec(target);
  const out: Partial<Indicator> = {};
  if (r.chance(0.9)) out.nature = quantity ? quantity[1] || '=' : '定性';
  if (quantity && r.chance(0.9)) out.measureUnit = quantity[3]!;
  if (r.chance(0.8)) out.weight = r.pick(['5', '10', '2.5', '20.00']);
  if (r.chance(0.6)) out.direction = target.startsWith('≤') ? '反向' : '正向';
  if (r.chance(0.5)) out.explanation = r.pick(['反映项目实施的实际效果。', '以年末统计数据为准。']);
  if (r.chance(0.6)) out.origin = r.pick(['共性指标', '个性指标', '自定']);
  if (r.chance(0.4)) out.previousYear = quantity ? `${quantity[2]}${quantity[3]}` : target;
  if (r.chance(0.3)) out.yearBeforeLast = quantity ? `${quantity[2]}${quantity[3]}` : target;
  return out;
}

function project(r: Random, unit: Unit, prefix: number, year: number, layout: GenerateLayout): Project {
  const work = r.pick(WORKS);
  let id = '';
  for (let i = 0; i < 4; i++) id += r.pick([...CODE_CHARS]);
  const code = `${prefix}-${String(r.int(101, 199)).padStart(4, '0')}-${r.pick(PROJECT_TYPES)}-${id}`;
  const name = r.chance(0.3) ? `${year}年${work}专项资金` : work;

  const totalCents = r.int(1, 300) * 100 + r.pick([0, 0, 0, 50, 10, 25, 80]);
  const otherCents = layout.otherFunds && r.chance(0.4) ? Math.floor((totalCents * r.int(1, 5)) / 10) : 0;
  const sources =
    layout.fundSources === true
      ? [
          { name: '财政拨款', amount: yuan(totalCents - otherCents) },
          { name: r.pick(['自有资金', '事业收入', '经营性收入', '其他']), amount: otherCents > 0 ? yuan(otherCents) : null },
        ]
      : [];

  const names = CHECKPOINTS[layout.checkpoints ?? 'seed'];
  const spendingPlan: SpendingCheckpoint[] = [];
  let percent = 0;
  names.forEach((checkpoint, i) => {
    const left = names.length - i - 1;
    percent = left === 0 ? 100 : Math.min(100 - left, percent + r.int(1, Math.max(1, Math.floor((100 - percent) / (left + 1)) * 2)));
    spendingPlan.push({ checkpoint, percent: `${percent}.00` });
  });

  const goals: Goal[] = [
    { term: 'annual', text: `完成${work}年度工作任务，确保资金使用规范、安全、有效。` },
    { term: 'annual', text: `提升${work}服务质量，群众满意度进一步提高。` },
  ];
  if (layout.longTerm) goals.push({ term: 'longTerm', text: `建立${work}长效工作机制，持续发挥资金效益。` });

  const indicators = indicatorRows(r, work, yuan(totalCents), year, layout, 'annual');
  if (layout.longTerm) indicators.push(...indicatorRows(r, work, yuan(totalCents), year, layout, 'longTerm').slice(0, 4));

  return {
    code,
    name,
    unit,
    amountUnit: '万元',
    budget: {
      total: yuan(totalCents),
      fiscal: yuan(totalCents - otherCents),
      other: otherCents > 0 ? yuan(otherCents) : null,
      sources,
      ...(layout.provincial && r.chance(0.7) ? { mediumTerm: yuan(totalCents * 3) } : {}),
    },
    useOfFunds: `用于${work}相关支出，包括${r.pick(['设备购置', '人员培训', '宣传印刷', '服务采购'])}和${r.pick(['日常运行', '专项检查', '维修维护'])}等。`,
    spendingPlan,
    goals,
    indicators,
    department: layout.optionalFields ? unit.name : null,
    attribute: layout.optionalFields ? r.pick(['新增', '延续'] as const) : null,
    period: layout.optionalFields ? `${year}年1月-${year}年12月` : null,
    ...(layout.provincial ? projectHeader(r, year) : {}),
  };
}

function indicatorRows(
  r: Random,
  work: string,
  total: string,
  year: number,
  layout: GenerateLayout,
  term: 'annual' | 'longTerm',
): Indicator[] {
  const outcome = layout.outcomeName ?? '效果指标';
  const rows: Array<[string, IndicatorTemplate]> = [];
  const take = (level1: string, pool: readonly IndicatorTemplate[], n: number) => {
    const chosen = r.shuffled(pool).slice(0, n);
    chosen.sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
    for (const t of chosen) rows.push([level1, t]);
  };
  const costTemplate: IndicatorTemplate = layout.costAsLevel1
    ? { level2: '经济成本指标', name: '项目总成本', target: () => `≤${total}万元` }
    : { level2: '成本指标', name: '项目成本控制', target: () => `≤${total}万元` };
  // 4–10 rows: 1–4 output, 1–3 outcome, 1–2 satisfaction, and at most one cost row.
  if (layout.costAsLevel1) rows.push(['成本指标', costTemplate]);
  take('产出指标', OUTPUT, r.int(1, 4));
  if (!layout.costAsLevel1 && r.chance(0.3)) rows.push(['产出指标', costTemplate]);
  take(outcome, OUTCOME, r.int(1, 3));
  take('满意度指标', SATISFACTION, r.int(1, 2));
  while (rows.length < 4)
    take(
      '产出指标',
      OUTPUT.filter((t) => !rows.some(([, x]) => x === t)),
      1,
    );

  return rows.map(([level1, t]) => {
    const row: Indicator = {
      term,
      level1,
      level2: t.level2,
      level3: layout.level3 ? t.name : '',
      description: layout.level3 ? `${year}年${work}${t.name}` : `${work}${t.name}`,
      target: t.target(r),
      basis: r.pick(BASES),
      remark: layout.remarks && r.chance(0.3) ? r.pick(['按季度统计', '以验收报告为准', '年终考核']) : '',
    };
    return layout.provincial ? { ...row, ...provincialIndicator(r, row.target) } : row;
  });
}
