/**
 * 审核（绩效目标审核）的文字：每条规则的名称、意见和修改建议，按规则编号排列。
 * 意见须指明位置（项目编码、第几行、指标名称），由 `at` 传入。
 */

type Direction = 'higher' | 'lower';
type Part = 'code' | 'name';
type DepartmentPart = 'all' | 'overallGoal' | 'subGoals' | 'safeguards';

/** 位置以项目编码等西文结尾时，后接汉字前空一格（"项目 315-0105-JBN-2D9U 的产出指标"）。 */
const LATIN_END = /[\x21-\x7e]$/;
const at = (p: { at: string }) => (LATIN_END.test(p.at) ? `${p.at} ` : p.at);
const directionName: Record<Direction, string> = { higher: '越高越好（正向，≥）', lower: '越低越好（反向，≤）' };
/** The free-text cells placeholder and template-text findings name (src/core/review/texts.ts reads their ids from here). */
const textPart = {
  name: '项目名称',
  useOfFunds: '资金用途',
  goals: '绩效目标',
  overallGoal: '部门整体总体绩效目标',
  subGoals: '部门整体分项绩效目标',
  safeguards: '工作保障措施',
  duty: '年度履职目标的部门职能',
  dutyTask: '年度履职目标的年度目标任务',
  level3: '三级指标',
  description: '绩效指标描述',
  target: '指标值',
  basis: '指标值确定依据',
  explanation: '指标解释',
  remark: '备注',
};
type TextPart = keyof typeof textPart;
const departmentPart: Record<DepartmentPart, string> = {
  all: '部门整体绩效目标',
  overallGoal: '总体绩效目标',
  subGoals: '分项绩效目标',
  safeguards: '工作保障措施',
};

export const review = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  family: {
    completeness: '完整性',
    consistency: '一致性',
    measurability: '可衡量性',
    classification: '指标归类',
    basis: '取值依据',
    appropriateness: '适当性',
  },
  /** 意见所指的位置。 */
  place: {
    document: '本文件',
    departmentTable: '部门整体绩效指标',
    project: (code: string, ordinal: number, name: string) => (code.trim() !== '' ? `项目 ${code}` : `第 ${ordinal} 个项目「${name}」`),
    row: (project: string, row: number, label: string) =>
      label === '' ? `${project} 第 ${row} 行` : `${project} 第 ${row} 行「${label}」`,
    ellipsis: '…',
  },
  /** 依据的条文要点（文号见 regulations）。 */
  clause: {
    completeness: '完整性审核',
    appropriateness: '适当性审核',
    indicators: '绩效指标设置',
    quantified: '细化量化',
    standards: '绩效标准',
    monitoring: '预算执行监控',
    disclosure: '公开内容',
    coding: '项目编码规则',
    weights: '指标权重与分值',
    exAnte: '事前绩效评估',
  },
  regulations: {
    'caiyu-2015-88': '《中央部门预算绩效目标管理办法》',
    'caiyu-2021-101': '《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》',
    'caiyu-2020-10': '《项目支出绩效评价管理办法》',
    'zhongfa-2018-34': '《中共中央 国务院关于全面实施预算绩效管理的意见》',
    'caiyu-2019-136': '《中央部门预算绩效运行监控管理暂行办法》',
    'caiyu-2016-143': '《地方预决算公开操作规程》',
    bureau: '本级财政部门的规定',
  },
  source: (number: string, clause: string) => (number === '' ? clause : `${number} ${clause}`),
  rules: {
    // ── 完整性 ──────────────────────────────────────────────
    'completeness.department-goals': {
      title: '部门整体绩效目标不全',
      message: (p: { at: string; part: DepartmentPart }) =>
        p.part === 'all' ? `${at(p)}没有部门整体绩效目标。` : `部门整体绩效目标缺少${departmentPart[p.part]}。`,
      suggestion: (p: { part: DepartmentPart }) =>
        p.part === 'all'
          ? '补充第一部分：总体绩效目标、分项绩效目标和工作保障措施。'
          : `补充${departmentPart[p.part]}，与预算项目的绩效目标相衔接。`,
    },
    'completeness.department-indicators': {
      title: '部门整体支出绩效目标表没有绩效指标',
      message: (p: { at: string }) => `${at(p)}是部门整体支出绩效目标表，却没有部门整体绩效指标。`,
      suggestion: () => '按产出、效益、满意度等一级指标补充部门整体绩效指标，写明指标值。',
    },
    'completeness.year': {
      title: '未注明预算年度',
      message: (p: { at: string; form: string }) => `${at(p)}没有注明预算年度，按${p.form}年版表样审核。`,
      suggestion: () => '注明预算年度，以便按该年度的指标体系审核（2021年起成本指标为一级指标）。',
    },
    'completeness.project-identity': {
      title: '项目编码或名称为空',
      message: (p: { at: string; part: Part }) => `${at(p)}没有${p.part === 'code' ? '项目编码' : '项目名称'}。`,
      suggestion: (p: { part: Part }): string =>
        p.part === 'code' ? '填写预算系统中的项目编码，如 315-0105-JBN-2D9U。' : '填写与预算一致的项目名称。',
    },
    'completeness.budget': {
      title: '预算数或资金来源为空',
      message: (p: { at: string; part: 'total' | 'split' }) =>
        p.part === 'total' ? `${at(p)}没有填写预算数。` : `${at(p)}没有填写财政资金或其他资金，看不出资金来源。`,
      suggestion: (p: { part: 'total' | 'split' }): string =>
        p.part === 'total' ? '填写项目预算数（与部门预算一致）。' : '在"其中：财政资金"和"其他资金"中写明资金来源。',
    },
    'completeness.use-of-funds': {
      title: '资金用途为空',
      message: (p: { at: string }) => `${at(p)}没有填写资金用途。`,
      suggestion: () => '写明资金用于哪些工作、购买哪些服务或物品。',
    },
    'completeness.spending-plan': {
      title: '资金支出计划不全',
      message: (p: { at: string; checkpoint: string | null }) =>
        p.checkpoint === null ? `${at(p)}没有资金支出计划。` : `${at(p)}的资金支出计划在"${p.checkpoint}"没有填写累计支出比例。`,
      suggestion: () => '按时点填写累计支出占预算的百分比，最后一个时点为 100%。',
    },
    'completeness.goals': {
      title: '绩效目标为空',
      message: (p: { at: string }) => `${at(p)}没有填写绩效目标。`,
      suggestion: () => '写明资金使用后预期达到的产出和效果，并与下面的绩效指标对应。',
    },
    'completeness.missing-level1': {
      title: '缺少一级指标',
      message: (p: { at: string; level1: string }) => `${at(p)}没有${p.level1}。`,
      suggestion: (p: { level1: string; form: string }) => `按${p.form}年版表样补充${p.level1}，写明指标描述、指标值和取值依据。`,
    },
    'completeness.output-quantity': {
      title: '产出指标缺少数量指标',
      message: (p: { at: string }) => `${at(p)}的产出指标中没有数量指标。`,
      suggestion: () => '补充数量指标，写明预期提供的产品或服务有多少，如"≥15张"、"≥2次"。',
    },
    'completeness.output-quality': {
      title: '产出指标缺少质量指标',
      message: (p: { at: string }) => `${at(p)}的产出指标中没有质量指标。`,
      suggestion: () => '补充质量指标，写明达到的标准或水平，如"结案率≥95%"、"验收合格率=100%"。',
    },
    'completeness.output-timeliness': {
      title: '产出指标缺少时效指标',
      message: (p: { at: string }) => `${at(p)}的产出指标中没有时效指标。`,
      suggestion: () => '如工作有完成时限，补充时效指标，如"12月底前完成"、"≤3个工作日"、"及时率≥95%"。',
    },
    'completeness.empty-description': {
      title: '指标名称为空',
      message: (p: { at: string }) => `${at(p)}没有指标名称或描述。`,
      suggestion: () => '写明这一行衡量什么，如"法律援助案件结案率"。',
    },
    'completeness.empty-target': {
      title: '指标值为空',
      message: (p: { at: string }) => `${at(p)}的指标值为空。`,
      suggestion: () => '填写可衡量的指标值，如"≥95%"、"≥15张"，或分级的定性值，如"达到预期"。',
    },
    'completeness.empty-basis': {
      title: '指标值确定依据为空',
      message: (p: { at: string }) => `${at(p)}的指标值确定依据为空。`,
      suggestion: () => '写明取值依据：计划标准、行业标准、历史标准，或文件文号（如"冀财政法〔2019〕19号"）。',
    },
    'completeness.placeholder': {
      title: '仍是模板占位内容',
      message: (p: { at: string; part: TextPart; text: string }) => `${at(p)}的${textPart[p.part]}"${p.text}"是模板的占位内容，没有填写。`,
      suggestion: (p: { part: TextPart }) => `把"${textPart[p.part]}"改为实际内容。`,
    },
    'completeness.template-text': {
      title: '保留了模板的填写说明',
      message: (p: { at: string; part: TextPart; text: string }) => `${at(p)}的${textPart[p.part]}仍是模板的填写说明："${p.text}"。`,
      suggestion: (p: { part: TextPart }) => `删去填写说明，按实际情况填写${textPart[p.part]}。`,
    },
    'completeness.weight': {
      title: '指标没有权重',
      message: (p: { at: string; profile: string }) => `${at(p)}没有权重（分值），${p.profile}的每个指标都要填写权重。`,
      suggestion: () => '按指标的重要程度填写权重，各指标权重之和等于表样规定的总分。',
    },
    'completeness.ex-ante-assessment': {
      title: '新增项目缺少事前绩效评估',
      message: (p: { at: string; state: 'missing' | 'incomplete' | 'rejected'; threshold: string }): string =>
        p.state === 'rejected'
          ? `${at(p)}是新增项目，事前绩效评估结论为“不予支持”，不能申请预算。`
          : `${at(p)}是预算数达到 ${p.threshold} 万元的新增项目，${p.state === 'missing' ? '没有' : '尚未完成'}事前绩效评估。`,
      suggestion: (p: { state: 'missing' | 'incomplete' | 'rejected' }): string =>
        p.state === 'rejected'
          ? '按评估意见调整项目后重新评估，或撤下该项目。'
          : '在项目的“事前绩效评估”中填写立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性五方面的评估情况和得分，以及总体结论、评估方和评估日期。',
    },
    // ── 一致性 ──────────────────────────────────────────────
    'consistency.budget-sum': {
      title: '资金来源合计与预算数不符',
      message: (p: { at: string; sum: string; total: string; amountUnit: string; parts: 'split' | 'sources' }) =>
        `${at(p)}的${p.parts === 'split' ? '财政资金与其他资金' : '各项资金来源'}合计 ${p.sum} ${p.amountUnit}，与预算数 ${p.total} ${p.amountUnit}不符。`,
      suggestion: () => '核对预算数和各项资金，使合计与预算数一致。',
    },
    'consistency.budget-positive': {
      title: '预算数不是正数',
      message: (p: { at: string; total: string; amountUnit: string }) => `${at(p)}的预算数为 ${p.total} ${p.amountUnit}。`,
      suggestion: () => '核对预算数；没有预算的项目不需要填报绩效目标表。',
    },
    'consistency.department-funds': {
      title: '部门整体资金总额不对',
      message: (p: { at: string; problem: 'zero' | 'sum'; total: string; sum: string; amountUnit: string }) =>
        p.problem === 'zero'
          ? `部门整体的资金总额为 ${p.total} ${p.amountUnit}。`
          : `部门整体的项目支出与基本支出合计 ${p.sum} ${p.amountUnit}，与资金总额 ${p.total} ${p.amountUnit}不符。`,
      suggestion: (p: { problem: 'zero' | 'sum' }): string =>
        p.problem === 'zero'
          ? '填写部门年度预算安排的资金总额。'
          : '核对资金总额、项目支出和基本支出，使资金总额等于项目支出与基本支出之和。',
    },
    'consistency.duty-amounts': {
      title: '履职目标预算金额超过部门支出',
      message: (p: { at: string; part: 'project' | 'basic'; sum: string; limit: string; amountUnit: string }) =>
        p.part === 'project'
          ? `年度履职目标中项目支出的预算金额合计 ${p.sum} ${p.amountUnit}，超过项目支出 ${p.limit} ${p.amountUnit}。`
          : `年度履职目标中基本支出的预算金额合计 ${p.sum} ${p.amountUnit}，超过基本支出 ${p.limit} ${p.amountUnit}。`,
      suggestion: (p: { part: 'project' | 'basic' }): string =>
        p.part === 'project'
          ? '核对各项履职目标的预算金额；项目支出各行的合计不应超过部门的项目支出。'
          : '核对基本支出一行的预算金额，应为部门的基本支出，而不是资金总额。',
    },
    'consistency.spending-plan-range': {
      title: '支出计划比例超出 0–100%',
      message: (p: { at: string; checkpoint: string; percent: string }) =>
        `${at(p)}的资金支出计划在"${p.checkpoint}"为 ${p.percent}%，不在 0–100% 之间。`,
      suggestion: () => '支出计划是累计支出占预算的百分比，应在 0 到 100 之间。',
    },
    'consistency.spending-plan-order': {
      title: '支出计划累计比例下降',
      message: (p: { at: string; from: string; fromPercent: string; to: string; toPercent: string }) =>
        `${at(p)}的资金支出计划从"${p.from}"的 ${p.fromPercent}% 降到"${p.to}"的 ${p.toPercent}%。`,
      suggestion: () => '支出计划是累计数，后一时点不应小于前一时点。',
    },
    'consistency.spending-plan-end': {
      title: '支出计划未在最后时点达到 100%',
      message: (p: { at: string; checkpoint: string; percent: string }) =>
        `${at(p)}的资金支出计划到"${p.checkpoint}"为 ${p.percent}%，没有达到 100%。`,
      suggestion: () => '最后一个时点（通常为 12 月底）的累计支出应为 100%。',
    },
    'consistency.project-code-format': {
      title: '项目编码格式不对',
      message: (p: { at: string; code: string }) => `${at(p)}的编码"${p.code}"不符合项目编码规则。`,
      suggestion: () => '按"单位编码前缀-四位分类号-三位字母类型-短编号"填写，如 315-0105-JBN-2D9U。',
    },
    'consistency.project-code-unit': {
      title: '项目编码与单位编码不一致',
      message: (p: { at: string; prefix: string; unitCode: string }) => `${at(p)}的编码前缀 ${p.prefix} 与单位编码 ${p.unitCode} 不一致。`,
      suggestion: () => '核对项目编码是否属于本单位。',
    },
    'consistency.duplicate-project-code': {
      title: '项目编码重复',
      message: (p: { at: string; ordinal: number; firstOrdinal: number; firstName: string }) =>
        `${p.at}（第 ${p.ordinal} 个项目）与第 ${p.firstOrdinal} 个项目「${p.firstName}」使用同一个项目编码。`,
      suggestion: () => '每个项目使用自己的编码；同一项目的多张表应合并。',
    },
    'consistency.project-unit': {
      title: '项目所属单位与文件单位不一致',
      message: (p: { at: string; projectUnit: string; documentUnit: string }) =>
        `${at(p)}写明的单位"${p.projectUnit}"与本文件的单位"${p.documentUnit}"不一致。`,
      suggestion: () => '核对单位行；不同单位的项目应分别报送。',
    },
    'consistency.duplicate-indicator': {
      title: '指标重复',
      message: (p: { at: string; firstRow: number; sameTarget: boolean }) =>
        p.sameTarget ? `${at(p)}与第 ${p.firstRow} 行完全相同。` : `${at(p)}与第 ${p.firstRow} 行的指标名称相同，指标值不同。`,
      suggestion: (p: { firstRow: number }) => `删除重复的一行，或改写为另一项指标（保留第 ${p.firstRow} 行）。`,
    },
    'consistency.weights-sum': {
      title: '权重之和不等于总分',
      message: (p: { at: string; sum: string; total: string }) => `${at(p)}的指标权重合计 ${p.sum} 分，表样规定为 ${p.total} 分。`,
      suggestion: (p: { total: string }) => `调整各指标权重，使合计为 ${p.total} 分。`,
    },
    'consistency.level1-points': {
      title: '一级指标分值超出规定范围',
      message: (p: { at: string; level1: string; sum: string; min: string; max: string }) =>
        `${at(p)}的${p.level1}权重合计 ${p.sum} 分，表样规定为 ${p.min}–${p.max} 分。`,
      suggestion: (p: { level1: string; min: string; max: string }) => `调整${p.level1}下各指标的权重，使合计在 ${p.min}–${p.max} 分之间。`,
    },
    'consistency.nature-target': {
      title: '指标性质与指标值不一致',
      message: (p: { at: string; nature: string; target: string; problem: 'qualitative' | 'quantitative' | 'relation' }) =>
        p.problem === 'qualitative'
          ? `${at(p)}的指标性质为"${p.nature}"，指标值"${p.target}"却是数值。`
          : p.problem === 'quantitative'
            ? `${at(p)}的指标性质为"${p.nature}"，指标值"${p.target}"却不是数值。`
            : `${at(p)}的指标性质为"${p.nature}"，与指标值"${p.target}"的关系相反。`,
      suggestion: (p: { problem: 'qualitative' | 'quantitative' | 'relation' }): string =>
        p.problem === 'relation' ? '统一指标性质与指标值的关系符号。' : '统一指标性质与指标值：定量指标写数值，定性指标写分级的定性值。',
    },
    'consistency.measure-unit': {
      title: '度量单位与指标值的单位不一致',
      message: (p: { at: string; measureUnit: string; target: string; unit: string }) =>
        `${at(p)}的度量单位为"${p.measureUnit}"，指标值"${p.target}"的单位却是"${p.unit}"。`,
      suggestion: () => '统一度量单位与指标值的单位。',
    },
    'consistency.direction-operator': {
      title: '指标方向性与关系符号相反',
      message: (p: { at: string; direction: string; relation: string; expected: Direction }) =>
        `${at(p)}是${p.direction}指标（${directionName[p.expected]}），指标值却用"${p.relation}"。`,
      suggestion: (p: { expected: Direction }): string =>
        p.expected === 'higher' ? '正向指标使用"≥"或">"，或核对指标方向性。' : '反向指标使用"≤"或"<"，或核对指标方向性。',
    },
    'consistency.percent-standard': {
      title: '指标值写成比值，标准是百分比',
      message: (p: { at: string; target: string; standard: string }) =>
        `${at(p)}的指标值为"${p.target}"，而指标解释或取值依据的标准是 ${p.standard}。`,
      suggestion: (p: { standard: string }) => `按百分比填写指标值，如"${p.standard}"。`,
    },
    // ── 可衡量性 ────────────────────────────────────────────
    'measurability.unreadable-target': {
      title: '指标值无法衡量',
      message: (p: { at: string; target: string }) => `${at(p)}的指标值"${p.target}"既不是数值，也不是分级的定性值。`,
      suggestion: () => '写成"关系符号+数值+单位"，如"≥95%"、"≤3天"，或分级的定性值，如"达到预期"、"明显改善"。',
    },
    'measurability.rate-percent': {
      title: '比率没有写百分号',
      message: (p: { at: string; target: string }) => `${at(p)}是比率，指标值"${p.target}"没有写成百分比。`,
      suggestion: (p: { target: string }) => `写成百分比，如"${p.target.trim()}%"。`,
    },
    'measurability.rate-range': {
      title: '比率超出 0–100%',
      message: (p: { at: string; target: string }) => `${at(p)}是比率，指标值"${p.target}"不在 0–100% 之间。`,
      suggestion: () => '核对数值；比率应在 0% 到 100% 之间。',
    },
    'measurability.range-order': {
      title: '区间上下限颠倒',
      message: (p: { at: string; target: string }) => `${at(p)}的指标值区间"${p.target}"下限大于上限。`,
      suggestion: () => '区间写作"下限-上限"，如"90%-100%"。',
    },
    'measurability.missing-unit': {
      title: '指标值没有单位',
      message: (p: { at: string; target: string; unit: string | null }) =>
        `${at(p)}的指标值"${p.target}"没有单位，看不出衡量的是什么${p.unit === null ? '' : `（应为${p.unit}）`}。`,
      suggestion: (p: { target: string; unit: string | null }) =>
        p.unit === null
          ? '写明计量单位（如次、人、件、万元、%），或改写指标名称说明数的是什么。'
          : `写明单位，如"${p.target.trim()}${p.unit}"。`,
    },
    'measurability.description-contradiction': {
      title: '指标描述与指标值不一致',
      message: (p: { at: string; stated: string; target: string }) => `${at(p)}的描述写的是 ${p.stated}，指标值却是"${p.target}"。`,
      suggestion: () => '统一描述与指标值，以计划或标准为准。',
    },
    'measurability.vague-description': {
      title: '指标描述笼统、不可衡量',
      message: (p: { at: string; words: string }) => `${at(p)}只有"${p.words}"这样的笼统说法，没有可衡量的内容。`,
      suggestion: () => '改写为可衡量的指标，如"重新犯罪率≤1%"、"办公设备更新数量≥20台套"，或使用分级的定性值。',
    },
    'measurability.ungraded-trend': {
      title: '定性指标值没有分级',
      message: (p: { at: string; target: string }) => `${at(p)}的指标值"${p.target}"只说明方向，没有分级。`,
      suggestion: () => '写成数值，或分级的定性值，如"有所提升/明显提升/显著提升"。',
    },
    'measurability.direction': {
      title: '指标值方向与指标性质相反',
      message: (p: { at: string; target: string; expected: Direction }) =>
        `${at(p)}应当${directionName[p.expected]}，指标值"${p.target}"的方向相反。`,
      suggestion: (p: { expected: Direction }): string => (p.expected === 'higher' ? '使用"≥"或">"。' : '使用"≤"或"<"。'),
    },
    // ── 指标归类 ────────────────────────────────────────────
    'classification.unknown-level': {
      title: '一级或二级指标名称不规范',
      message: (p: { at: string; level: 1 | 2; name: string }) =>
        p.name === ''
          ? `${at(p)}没有填写${p.level === 1 ? '一级' : '二级'}指标。`
          : `${at(p)}的${p.level === 1 ? '一级' : '二级'}指标"${p.name}"不在指标体系中。`,
      suggestion: () => '从指标体系中选择：产出指标（数量、质量、时效、成本）、效益指标（经济、社会、生态效益、可持续影响）、满意度指标。',
    },
    'classification.level1-profile': {
      title: '一级指标不属于本表样',
      message: (p: { at: string; level1: string; profile: string; allowed: string }) =>
        `${at(p)}的一级指标"${p.level1}"不是本单位所用${p.profile}的一级指标（${p.allowed}）。`,
      suggestion: (p: { allowed: string }) => `改用表样中的一级指标：${p.allowed}。`,
    },
    'classification.level2-parent': {
      title: '二级指标放错一级',
      message: (p: { at: string; level1: string; level2: string; form: string }) =>
        `${at(p)}的二级指标"${p.level2}"在${p.form}年版表样中不属于"${p.level1}"。`,
      suggestion: (p: { expected: string | null; level2: string }) =>
        p.expected === null ? `改用本年度表样中的二级指标。` : `把"${p.level2}"放在"${p.expected}"之下。`,
    },
    'classification.rate-under-quantity': {
      title: '比率放在数量指标下',
      message: (p: { at: string }) => `${at(p)}是比率，衡量的是完成得好不好，不是数量，却放在数量指标下。`,
      suggestion: (p: { suggested: string }) => `移到${p.suggested}下；数量指标写提供了多少（如件数、人数）。`,
    },
    'classification.timeliness': {
      title: '时限放在时效指标以外',
      message: (p: { at: string; level2: string }) => `${at(p)}衡量的是完成时间，却放在"${p.level2}"下。`,
      suggestion: (p: { suggested: string }) => `移到${p.suggested}下。`,
    },
    'classification.cost': {
      title: '费用放在成本指标以外',
      message: (p: { at: string; level2: string }) => `${at(p)}衡量的是费用或成本，却放在"${p.level2}"下。`,
      suggestion: (p: { suggested: string }) => `移到${p.suggested}下，写明金额上限，如"≤3万元"。`,
    },
    'classification.satisfaction-outside': {
      title: '满意度放在满意度指标以外',
      message: (p: { at: string; level1: string }) => `${at(p)}衡量的是满意程度，却放在"${p.level1}"下。`,
      suggestion: (p: { suggested: string }) => `移到${p.suggested}下。`,
    },
    'classification.not-satisfaction': {
      title: '满意度指标下不是满意度',
      message: (p: { at: string }) => `${at(p)}放在满意度指标下，衡量的却不是服务对象的满意程度。`,
      suggestion: () => '满意度指标只写服务对象满意度（如"服务对象满意度≥90%"），其他指标移到产出或效益指标下。',
    },
    // ── 取值依据 ────────────────────────────────────────────
    'basis.restates-indicator': {
      title: '取值依据只是重复指标名称',
      message: (p: { at: string; basis: string }) => `${at(p)}的指标值确定依据"${p.basis}"只是指标本身的名称，不是依据。`,
      suggestion: () => '写明取值来源：计划标准（工作计划、实施方案）、行业标准、历史标准（上年实际），或文件文号。',
    },
    'basis.no-source': {
      title: '取值依据未说明来源',
      message: (p: { at: string; basis: string }) => `${at(p)}的指标值确定依据"${p.basis}"没有说明出自哪一计划、标准或文件。`,
      suggestion: () => '写明取值来源：计划标准、行业标准、历史标准，或文件文号。',
    },
    // ── 适当性 ──────────────────────────────────────────────
    'appropriateness.below-history': {
      title: '指标值低于上年实际',
      message: (p: { at: string; target: string; actual: string; year: number | null }) =>
        `${at(p)}的指标值"${p.target}"低于${p.year === null ? '上年' : `${p.year}年`}实际完成的"${p.actual}"，且未说明理由。`,
      suggestion: () => '目标应不低于已达到的水平；确需降低的，在指标值确定依据或备注中说明理由。',
    },
    'appropriateness.off-family': {
      title: '指标值远离同类指标',
      message: (p: { at: string; target: string; min: string; max: string; count: number; units: number }) =>
        `${at(p)}的指标值"${p.target}"远离同类指标的取值：${p.units} 个单位的 ${p.count} 个指标值在 ${p.min}–${p.max} 之间。`,
      suggestion: () => '核对指标值和计量单位；确有不同的，在指标值确定依据中说明。',
    },
  },
};
