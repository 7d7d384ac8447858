import type { FormProfile } from '../profile.ts';

/**
 * 四川 部门预算项目支出绩效自评表 (报表编号 510000_0013zp), as 青神 and 大英 printed it for 2023: the
 * indicator block "绩效指标(90分)" (the other 10 go to 预算执行情况), each row with its own 权重, the
 * sign in 指标性质, the bare number in 指标值 and the unit in 度量单位. Only 产出指标 and 效益指标 were
 * seen printed (大英 puts 经济成本指标 under 产出); the other two 一级 are the 2021 framework's names.
 */
export const sichuanSelfEvaluation: FormProfile = {
  id: 'sichuan-self-evaluation',
  version: 1,
  kind: 'selfEvaluation',
  region: '四川省',
  title: '部门预算项目支出绩效自评表',
  framework: '2021',
  columns: [
    { id: 'level1', heading: '一级指标' },
    { id: 'level2', heading: '二级指标' },
    { id: 'level3', heading: '三级指标' },
    { id: 'nature', heading: '指标性质' },
    { id: 'target', heading: '指标值' },
    { id: 'measureUnit', heading: '度量单位' },
    { id: 'actual', heading: '完成值' },
    { id: 'weight', heading: '权重' },
    { id: 'score', heading: '得分' },
    { id: 'shortfallReason', heading: '未完成原因分析' },
  ],
  level1: [
    { kind: 'cost', name: '成本指标' },
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  amountUnit: '万元',
  header: ['name', 'department', 'unit'],
  terms: ['annual'],
  weights: 'column',
  totalPoints: '90',
  // 四川's project codes as its forms print them: 8 digits, a letter, 12 digits (51000021R000000019951, 51092324T000010263357).
  projectCodePattern: '^\\d{8}[A-Z]\\d{12}$',
  reportCode: '510000_0013zp',
  source: 'docs/forms/sources/sichuan-self-evaluation/SOURCE.md',
};
