import type { Messages } from '../zh-CN/index.ts';

const departmentPart = {
  all: 'department goals',
  overallGoal: 'overall goal (总体绩效目标)',
  subGoals: 'sub-goals (分项绩效目标)',
  safeguards: 'safeguard measures (工作保障措施)',
} as const;
const textPart = {
  name: 'project name',
  useOfFunds: 'use of funds',
  goals: 'performance goal',
  overallGoal: "department's overall goal",
  subGoals: "department's sub-goal",
  safeguards: 'safeguard measure',
  duty: "annual duty target's department function",
  dutyTask: "annual duty target's task",
  level3: 'third-level indicator',
  description: 'indicator description',
  target: 'target value',
  basis: 'basis of the target',
  explanation: 'indicator explanation (指标解释)',
  remark: 'remark',
} as const;
const directionName = { higher: 'higher-is-better (≥)', lower: 'lower-is-better (≤)' } as const;

export const review: Messages['review'] = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  family: {
    completeness: 'completeness',
    consistency: 'consistency',
    measurability: 'measurability',
    classification: 'classification',
    basis: 'basis',
    appropriateness: 'appropriateness',
  },
  place: {
    document: 'The document',
    departmentTable: 'Department-wide indicators',
    project: (code, ordinal, name) => (code.trim() !== '' ? `Project ${code}` : `Project no. ${ordinal} "${name}"`),
    row: (project, row, label) => (label === '' ? `${project}, row ${row}` : `${project}, row ${row} "${label}"`),
    ellipsis: '…',
  },
  clause: {
    completeness: 'completeness review',
    appropriateness: 'appropriateness review',
    indicators: 'indicator framework',
    quantified: 'specific and quantified targets',
    standards: 'performance standards',
    monitoring: 'execution monitoring',
    disclosure: 'what is disclosed',
    coding: 'project coding rules',
    weights: 'indicator weights and points',
    exAnte: 'ex-ante performance assessment',
  },
  regulations: {
    'caiyu-2015-88': 'Measures for the Management of Performance Targets of Central Department Budgets',
    'caiyu-2021-101': 'Guidelines on Core Performance Targets and Indicators of Central Department Project Expenditure (trial)',
    'caiyu-2020-10': 'Measures for the Performance Evaluation of Project Expenditure',
    'zhongfa-2018-34': 'Opinions on Comprehensively Implementing Budget Performance Management',
    'caiyu-2019-136': 'Interim Measures for Monitoring the Performance of Central Department Budgets',
    'caiyu-2016-143': 'Operating Rules for the Disclosure of Local Budgets and Final Accounts',
    bureau: "the finance bureau's own rules",
  },
  source: (number, clause) => (number === '' ? clause : `${number}, ${clause}`),
  rules: {
    'completeness.department-goals': {
      title: 'Department goals incomplete',
      message: (p) => (p.part === 'all' ? `${p.at} has no department goals.` : `The department goals lack the ${departmentPart[p.part]}.`),
      suggestion: (p) =>
        p.part === 'all'
          ? 'Add part one: the overall goal, the sub-goals and the safeguard measures.'
          : `Add the ${departmentPart[p.part]}, in line with the projects' targets.`,
    },
    'completeness.department-indicators': {
      title: 'Department-wide table without indicators',
      message: (p) =>
        `${p.at} is a department-wide expenditure target table (部门整体支出绩效目标表) but has no department-wide indicators.`,
      suggestion: () => 'Add department-wide indicators under the output, benefit and satisfaction first levels, with target values.',
    },
    'completeness.year': {
      title: 'Budget year missing',
      message: (p) => `${p.at} states no budget year; it is reviewed against the ${p.form} form.`,
      suggestion: () => "State the budget year, so that the year's indicator framework applies (from 2021 成本 is a first level).",
    },
    'completeness.project-identity': {
      title: 'Project code or name missing',
      message: (p) => `${p.at} has no ${p.part === 'code' ? 'project code' : 'project name'}.`,
      suggestion: (p) =>
        p.part === 'code' ? 'Enter the code from the budget system, e.g. 315-0105-JBN-2D9U.' : 'Enter the project name as in the budget.',
    },
    'completeness.budget': {
      title: 'Budget or fund source missing',
      message: (p) =>
        p.part === 'total'
          ? `${p.at} has no budget amount.`
          : `${p.at} gives neither fiscal nor other funds, so the source of the money is unknown.`,
      suggestion: (p) =>
        p.part === 'total' ? 'Enter the budget amount as in the department budget.' : 'Enter the fiscal funds and the other funds.',
    },
    'completeness.use-of-funds': {
      title: 'Use of funds missing',
      message: (p) => `${p.at} does not say what the money is used for.`,
      suggestion: () => 'Describe the work, services or goods the money pays for.',
    },
    'completeness.spending-plan': {
      title: 'Spending plan incomplete',
      message: (p) =>
        p.checkpoint === null
          ? `${p.at} has no spending plan.`
          : `${p.at} gives no cumulative percentage for checkpoint "${p.checkpoint}".`,
      suggestion: () => 'Give the cumulative share of the budget spent by each checkpoint, ending at 100%.',
    },
    'completeness.goals': {
      title: 'Performance goals missing',
      message: (p) => `${p.at} states no performance goals.`,
      suggestion: () => 'State the outputs and effects the money should achieve, matching the indicators below.',
    },
    'completeness.missing-level1': {
      title: 'First-level indicator missing',
      message: (p) => `${p.at} has no ${p.level1}.`,
      suggestion: (p) => `Add ${p.level1} as the ${p.form} form requires, with description, target value and basis.`,
    },
    'completeness.output-quantity': {
      title: 'No quantity indicator',
      message: (p) => `${p.at} has no quantity indicator (数量指标) among its outputs.`,
      suggestion: () => 'Add a quantity indicator saying how much is delivered, e.g. "≥15张", "≥2次".',
    },
    'completeness.output-quality': {
      title: 'No quality indicator',
      message: (p) => `${p.at} has no quality indicator (质量指标) among its outputs.`,
      suggestion: () => 'Add a quality indicator for the standard reached, e.g. closure rate "≥95%".',
    },
    'completeness.output-timeliness': {
      title: 'No timeliness indicator',
      message: (p) => `${p.at} has no timeliness indicator (时效指标) among its outputs.`,
      suggestion: () => 'If the work has a deadline, add a timeliness indicator, e.g. "12月底前完成", "≤3个工作日".',
    },
    'completeness.empty-description': {
      title: 'Indicator name missing',
      message: (p) => `${p.at} has no indicator name or description.`,
      suggestion: () => 'Say what this row measures, e.g. "法律援助案件结案率".',
    },
    'completeness.empty-target': {
      title: 'Target value missing',
      message: (p) => `${p.at} has no target value.`,
      suggestion: () => 'Enter a measurable value such as "≥95%" or "≥15张", or a graded one such as "达到预期".',
    },
    'completeness.empty-basis': {
      title: 'Basis missing',
      message: (p) => `${p.at} gives no basis for its target value.`,
      suggestion: () => 'Name the basis: a plan, an industry standard, history, or a document number.',
    },
    'completeness.placeholder': {
      title: 'Template placeholder left in',
      message: (p) => `${p.at}: the ${textPart[p.part]} "${p.text}" is the template's placeholder, never filled in.`,
      suggestion: (p) => `Replace the ${textPart[p.part]} with the real content.`,
    },
    'completeness.template-text': {
      title: 'Template instructions left in',
      message: (p) => `${p.at}: the ${textPart[p.part]} still holds the template's instructions: "${p.text}".`,
      suggestion: (p) => `Delete the instructions and write the ${textPart[p.part]}.`,
    },
    'completeness.weight': {
      title: 'Indicator without a weight',
      message: (p) => `${p.at} has no weight (points); every indicator of the ${p.profile} needs one.`,
      suggestion: () => "Give each indicator a weight by its importance; together they make the form's total.",
    },
    'completeness.ex-ante-assessment': {
      title: 'New project without an ex-ante assessment',
      message: (p) =>
        p.state === 'rejected'
          ? `${p.at} is a new project whose ex-ante assessment concluded "not supported": no budget can be asked for it.`
          : `${p.at} is a new project with a budget of at least ${p.threshold} 万元 and ${p.state === 'missing' ? 'no' : 'an unfinished'} ex-ante performance assessment.`,
      suggestion: (p) =>
        p.state === 'rejected'
          ? 'Rework the project as the assessment advises and assess it again, or withdraw it.'
          : "Fill in the project's ex-ante assessment: findings and scores on the need, the economy, the targets, the plan's feasibility and the funding's compliance, with a conclusion, the assessor and the date.",
    },
    'consistency.budget-sum': {
      title: 'Funds do not add up to the budget',
      message: (p) =>
        `${p.at}: ${p.parts === 'split' ? 'fiscal plus other funds' : 'the fund sources'} add up to ${p.sum} ${p.amountUnit}, not the budget of ${p.total} ${p.amountUnit}.`,
      suggestion: () => 'Correct the amounts so that they add up to the budget.',
    },
    'consistency.budget-positive': {
      title: 'Budget not positive',
      message: (p) => `${p.at} has a budget of ${p.total} ${p.amountUnit}.`,
      suggestion: () => 'Check the budget; a project without money needs no target table.',
    },
    'consistency.department-funds': {
      title: 'Department funds do not add up',
      message: (p) =>
        p.problem === 'zero'
          ? `The department's total funds are ${p.total} ${p.amountUnit}.`
          : `The department's project and basic expenditure add up to ${p.sum} ${p.amountUnit}, not the total of ${p.total} ${p.amountUnit}.`,
      suggestion: (p) =>
        p.problem === 'zero'
          ? "Fill in the total of the department's annual budget."
          : 'Check the total, project and basic expenditure: the total is project plus basic expenditure.',
    },
    'consistency.duty-amounts': {
      title: "Duty amounts exceed the department's expenditure",
      message: (p) =>
        `The annual duty targets' ${p.part} expenditure adds up to ${p.sum} ${p.amountUnit}, more than the department's ${p.part} expenditure of ${p.limit} ${p.amountUnit}.`,
      suggestion: (p) =>
        p.part === 'project'
          ? "Check the duties' budget amounts: the project rows together cannot exceed the department's project expenditure."
          : "Check the basic-expenditure row's amount: it is the department's basic expenditure, not its total.",
    },
    'consistency.spending-plan-range': {
      title: 'Spending plan outside 0–100%',
      message: (p) => `${p.at} plans ${p.percent}% by "${p.checkpoint}", outside 0–100%.`,
      suggestion: () => 'The plan is the cumulative share of the budget spent, between 0 and 100.',
    },
    'consistency.spending-plan-order': {
      title: 'Spending plan decreases',
      message: (p) => `${p.at} plans ${p.fromPercent}% by "${p.from}" but only ${p.toPercent}% by "${p.to}".`,
      suggestion: () => 'The plan is cumulative: a later checkpoint cannot be lower than an earlier one.',
    },
    'consistency.spending-plan-end': {
      title: 'Spending plan does not reach 100%',
      message: (p) => `${p.at} plans only ${p.percent}% by the last checkpoint "${p.checkpoint}".`,
      suggestion: () => 'The last checkpoint (usually the end of December) should reach 100%.',
    },
    'consistency.project-code-format': {
      title: 'Malformed project code',
      message: (p) => `${p.at}: the code "${p.code}" does not follow the project-code rule.`,
      suggestion: () => 'Write unit prefix, four-digit class, three-letter type and short id, e.g. 315-0105-JBN-2D9U.',
    },
    'consistency.project-code-unit': {
      title: 'Project code does not match the unit',
      message: (p) => `${p.at}: the code prefix ${p.prefix} does not match the unit code ${p.unitCode}.`,
      suggestion: () => 'Check that the project belongs to this unit.',
    },
    'consistency.duplicate-project-code': {
      title: 'Duplicate project code',
      message: (p) => `${p.at} (project no. ${p.ordinal}) uses the same code as project no. ${p.firstOrdinal} "${p.firstName}".`,
      suggestion: () => 'Give each project its own code; merge tables of the same project.',
    },
    'consistency.project-unit': {
      title: "Project's unit differs from the document's",
      message: (p) => `${p.at} names the unit "${p.projectUnit}", but the document is for "${p.documentUnit}".`,
      suggestion: () => "Check the unit line; submit each unit's projects separately.",
    },
    'consistency.duplicate-indicator': {
      title: 'Duplicate indicator',
      message: (p) =>
        p.sameTarget
          ? `${p.at} repeats row ${p.firstRow} exactly.`
          : `${p.at} has the same name as row ${p.firstRow} with a different target value.`,
      suggestion: (p) => `Remove the duplicate or turn it into a different indicator (keeping row ${p.firstRow}).`,
    },
    'consistency.weights-sum': {
      title: "Weights do not add up to the form's total",
      message: (p) => `${p.at}: the indicator weights add up to ${p.sum} points; the form sets ${p.total}.`,
      suggestion: (p) => `Adjust the weights so that they add up to ${p.total} points.`,
    },
    'consistency.level1-points': {
      title: "First-level points outside the form's range",
      message: (p) => `${p.at}: the weights under ${p.level1} add up to ${p.sum} points; the form allows ${p.min}–${p.max}.`,
      suggestion: (p) => `Adjust the weights under ${p.level1} to add up to between ${p.min} and ${p.max} points.`,
    },
    'consistency.nature-target': {
      title: 'Indicator nature and target disagree',
      message: (p) =>
        p.problem === 'qualitative'
          ? `${p.at}: the nature is "${p.nature}" but the target "${p.target}" is a number.`
          : p.problem === 'quantitative'
            ? `${p.at}: the nature is "${p.nature}" but the target "${p.target}" is not a number.`
            : `${p.at}: the nature "${p.nature}" points the other way from the target "${p.target}".`,
      suggestion: (p) =>
        p.problem === 'relation'
          ? 'Use the same relation in the nature and the target.'
          : 'Make nature and target agree: a number for a quantitative indicator, a graded value for a qualitative one.',
    },
    'consistency.measure-unit': {
      title: "Unit of measure differs from the target's unit",
      message: (p) => `${p.at}: the unit of measure is "${p.measureUnit}" but the target "${p.target}" is in "${p.unit}".`,
      suggestion: () => 'Use the same unit in the unit-of-measure column and the target.',
    },
    'consistency.direction-operator': {
      title: 'Direction and relation disagree',
      message: (p) => `${p.at} is a ${p.direction} indicator (${directionName[p.expected]}) but its target uses "${p.relation}".`,
      suggestion: (p) =>
        p.expected === 'higher'
          ? 'Use "≥" or ">" for a higher-is-better indicator, or check its direction.'
          : 'Use "≤" or "<" for a lower-is-better indicator, or check its direction.',
    },
    'consistency.percent-standard': {
      title: 'Target written as a ratio against a percentage standard',
      message: (p) => `${p.at}: the target is "${p.target}" while the explanation or basis sets a standard of ${p.standard}.`,
      suggestion: (p) => `Write the target as a percentage, e.g. "${p.standard}".`,
    },
    'measurability.unreadable-target': {
      title: 'Target value not measurable',
      message: (p) => `${p.at}: the target "${p.target}" is neither a number nor a graded value.`,
      suggestion: () => 'Write a relation, number and unit such as "≥95%" or "≤3天", or a grade such as "达到预期".',
    },
    'measurability.rate-percent': {
      title: 'Rate without a percent sign',
      message: (p) => `${p.at} is a rate, but its target "${p.target}" is not a percentage.`,
      suggestion: (p) => `Write it as a percentage, e.g. "${p.target.trim()}%".`,
    },
    'measurability.rate-range': {
      title: 'Rate outside 0–100%',
      message: (p) => `${p.at} is a rate, but its target "${p.target}" is outside 0–100%.`,
      suggestion: () => 'Check the number; a rate lies between 0% and 100%.',
    },
    'measurability.range-order': {
      title: 'Range bounds reversed',
      message: (p) => `${p.at}: the range "${p.target}" has its lower bound above its upper bound.`,
      suggestion: () => 'Write ranges as "lower-upper", e.g. "90%-100%".',
    },
    'measurability.missing-unit': {
      title: 'Target value without a unit',
      message: (p) =>
        `${p.at}: the target "${p.target}" has no unit, so it does not say what it counts${p.unit === null ? '' : ` (${p.unit} expected)`}.`,
      suggestion: (p) =>
        p.unit === null
          ? 'Add the unit (次, 人, 件, 万元, %), or rename the indicator to say what is counted.'
          : `Add the unit, e.g. "${p.target.trim()}${p.unit}".`,
    },
    'measurability.description-contradiction': {
      title: 'Description contradicts the target',
      message: (p) => `${p.at} says ${p.stated} in its description but "${p.target}" as its target.`,
      suggestion: () => 'Make description and target agree, following the plan or standard.',
    },
    'measurability.vague-description': {
      title: 'Vague, unmeasurable indicator',
      message: (p) => `${p.at} only says "${p.words}" and names nothing measurable.`,
      suggestion: () => 'Rewrite it as a measure, e.g. "重新犯罪率≤1%", or use a graded qualitative value.',
    },
    'measurability.ungraded-trend': {
      title: 'Qualitative target without a grade',
      message: (p) => `${p.at}: the target "${p.target}" gives a direction but no grade.`,
      suggestion: () => 'Give a number, or a graded value such as "有所提升/明显提升/显著提升".',
    },
    'measurability.direction': {
      title: 'Target points the wrong way',
      message: (p) => `${p.at} should be ${directionName[p.expected]}, but its target "${p.target}" points the other way.`,
      suggestion: (p) => (p.expected === 'higher' ? 'Use "≥" or ">".' : 'Use "≤" or "<".'),
    },
    'classification.unknown-level': {
      title: 'Unknown first- or second-level indicator',
      message: (p) =>
        p.name === ''
          ? `${p.at} has no ${p.level === 1 ? 'first' : 'second'}-level indicator.`
          : `${p.at}: the ${p.level === 1 ? 'first' : 'second'}-level indicator "${p.name}" is not in the framework.`,
      suggestion: () => 'Choose from the framework: 产出 (数量, 质量, 时效, 成本), 效益 (经济, 社会, 生态, 可持续影响), 满意度.',
    },
    'classification.level1-profile': {
      title: "First level not in the bureau's form",
      message: (p) => `${p.at}: the first-level indicator "${p.level1}" is not one of the ${p.profile}'s (${p.allowed}).`,
      suggestion: (p) => `Use one of the form's first levels: ${p.allowed}.`,
    },
    'classification.level2-parent': {
      title: 'Second-level indicator under the wrong first level',
      message: (p) => `${p.at}: "${p.level2}" does not belong under "${p.level1}" in the ${p.form} form.`,
      suggestion: (p) => (p.expected === null ? "Use a second level of this year's form." : `Put "${p.level2}" under "${p.expected}".`),
    },
    'classification.rate-under-quantity': {
      title: 'Rate filed as quantity',
      message: (p) => `${p.at} is a rate — how well, not how much — but is filed under quantity (数量指标).`,
      suggestion: (p) => `Move it to ${p.suggested}; quantity indicators count what is delivered.`,
    },
    'classification.timeliness': {
      title: 'Deadline filed outside timeliness',
      message: (p) => `${p.at} measures time but is filed under "${p.level2}".`,
      suggestion: (p) => `Move it to ${p.suggested}.`,
    },
    'classification.cost': {
      title: 'Cost filed outside cost',
      message: (p) => `${p.at} measures a fee or cost but is filed under "${p.level2}".`,
      suggestion: (p) => `Move it to ${p.suggested} with a ceiling, e.g. "≤3万元".`,
    },
    'classification.satisfaction-outside': {
      title: 'Satisfaction filed outside satisfaction',
      message: (p) => `${p.at} measures satisfaction but is filed under "${p.level1}".`,
      suggestion: (p) => `Move it to ${p.suggested}.`,
    },
    'classification.not-satisfaction': {
      title: 'Not a satisfaction indicator',
      message: (p) => `${p.at} is filed under satisfaction but does not measure satisfaction.`,
      suggestion: () => 'Only the satisfaction of those served belongs here; move other indicators to outputs or outcomes.',
    },
    'basis.restates-indicator': {
      title: 'Basis restates the indicator',
      message: (p) => `${p.at}: the basis "${p.basis}" only names the indicator itself.`,
      suggestion: () => 'Name where the value comes from: a plan, an industry standard, last year, or a document number.',
    },
    'basis.no-source': {
      title: 'Basis names no source',
      message: (p) => `${p.at}: the basis "${p.basis}" names no plan, standard or document.`,
      suggestion: () => 'Name the plan, standard, history or document the value rests on.',
    },
    'appropriateness.below-history': {
      title: "Target below last year's actual",
      message: (p) =>
        `${p.at}: the target "${p.target}" is below ${p.year === null ? "last year's" : `the ${p.year}`} actual "${p.actual}", and no reason is given.`,
      suggestion: () => 'Targets should not fall below what was already achieved; explain any lowering in the basis or the remark.',
    },
    'appropriateness.off-family': {
      title: 'Target far off its family',
      message: (p) =>
        `${p.at}: the target "${p.target}" is far off the same indicator elsewhere: ${p.count} targets of ${p.units} units lie between ${p.min} and ${p.max}.`,
      suggestion: () => 'Check the value and its unit; where it differs for a reason, give it in the basis.',
    },
  },
};
