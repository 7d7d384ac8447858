/**
 * The seed (怀来县司法局 2020, as published) reviewed as a careful finance-bureau reviewer would,
 * and its corrected copy (every defect fixed, same layout) reviewed clean.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewDocument, summarize } from '../../core/review/engine.ts';
import { readPublishedText } from './read.ts';

const read = (name: string) => {
  const file = resolve(import.meta.dirname, '../../../samples', name);
  const docs = readPublishedText(readFileSync(file, 'utf8'), { fileName: name });
  expect(docs).toHaveLength(1);
  return docs[0]!;
};

/** Expected findings: project → row (0 for the project itself) → rule ids in catalog order. */
const EXPECTED: Record<string, Record<number, string[]>> = {
  '315-0105-JBN-2D9U': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    // 办理法律援助案件结案率 ≥95 under 数量, basis 结案率
    1: ['measurability.rate-percent', 'classification.rate-under-quantity', 'basis.restates-indicator'],
    // 群众收益率 100 under 数量, basis 受益率
    2: ['measurability.rate-percent', 'classification.rate-under-quantity', 'basis.restates-indicator'],
    // 案件结案率提高… ≥95, basis 结案率
    3: ['measurability.rate-percent', 'basis.restates-indicator'],
    // 为人民办实事…减轻经济压力 ≥10, basis 受益率
    4: ['measurability.missing-unit', 'measurability.vague-description', 'basis.restates-indicator'],
    // 服务对象满意率 ≥90, basis 满意率
    5: ['measurability.rate-percent', 'basis.restates-indicator'],
    // the same row again, with no target value
    6: ['completeness.empty-target', 'consistency.duplicate-indicator', 'basis.restates-indicator'],
  },
  '315-0103-YBN-UP1C': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    // 社区矫正人员信息核查率 100 under 数量
    1: ['measurability.rate-percent', 'classification.rate-under-quantity'],
    // 最大限度降低重新犯罪 = 100
    2: ['measurability.missing-unit', 'measurability.vague-description'],
    // 矫正人员满意 >95
    3: ['measurability.rate-percent'],
  },
  '315-0103-YBN-TSVA': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    1: ['measurability.rate-percent', 'classification.rate-under-quantity'],
    2: ['measurability.rate-percent', 'classification.rate-under-quantity'],
    3: ['completeness.empty-target'],
    // 业务部门办公条件得到改善, no target value
    4: ['completeness.empty-target', 'measurability.vague-description'],
    5: ['measurability.rate-percent'],
  },
  '315-0103-YBN-W3GC': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    // 更新业务部门办公设施 >50: fifty what?
    1: ['measurability.missing-unit'],
    2: ['measurability.rate-percent', 'classification.rate-under-quantity'],
    3: ['measurability.rate-percent'],
    4: ['measurability.rate-percent'],
    5: ['measurability.rate-percent'],
    6: ['consistency.duplicate-indicator', 'measurability.rate-percent'],
  },
  '315-0101-JBN-GXGK': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    // description says 50张, target ≥15张; basis 展板数量
    1: ['measurability.description-contradiction', 'basis.restates-indicator'],
    2: ['basis.restates-indicator'],
    3: ['measurability.rate-percent', 'basis.restates-indicator'],
    4: ['completeness.empty-target', 'basis.restates-indicator'],
    5: ['measurability.rate-percent', 'basis.restates-indicator'],
    6: ['consistency.duplicate-indicator', 'measurability.rate-percent', 'basis.restates-indicator'],
  },
  '315-0103-JBN-NGVM': {
    0: ['completeness.output-quality', 'completeness.output-timeliness'],
    // 对矫正对象定位全覆盖 100 under 数量, basis 覆盖率
    1: ['measurability.rate-percent', 'classification.rate-under-quantity', 'basis.restates-indicator'],
    // 专线费用 100 under 数量, basis 交付额
    2: ['measurability.missing-unit', 'classification.cost', 'basis.restates-indicator'],
    3: ['measurability.missing-unit', 'basis.restates-indicator'],
    4: ['measurability.missing-unit', 'basis.restates-indicator'],
    5: ['measurability.rate-percent', 'basis.restates-indicator'],
    6: ['completeness.empty-target', 'consistency.duplicate-indicator', 'basis.restates-indicator'],
  },
};

const expectedPlaces = Object.entries(EXPECTED).flatMap(([code, rows]) =>
  Object.entries(rows).flatMap(([row, ids]) => ids.map((id) => [id, code, Number(row) === 0 ? null : Number(row)])),
);

describe('the seed, reviewed', () => {
  const seed = read('huailai-sifaju-2020.txt');
  const findings = reviewDocument(seed);

  it('marks each real defect, at its project and row, and nothing else', () => {
    expect(findings.map((f) => [f.ruleId, f.projectCode, f.indicatorIndex])).toEqual(expectedPlaces);
  });

  it('counts five errors (the empty target values), the rest warnings and hints', () => {
    expect(summarize(findings)).toEqual({ error: 5, warning: 65, info: 6 });
  });

  it('finds the budgets and spending plans in order and document numbers acceptable as bases', () => {
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of ['consistency.budget-sum', 'consistency.spending-plan-order', 'consistency.spending-plan-end', 'basis.no-source'])
      expect(ids.has(id)).toBe(false);
    const documentBased = findings.filter((f) => f.projectCode === '315-0103-YBN-UP1C' && f.ruleId.startsWith('basis.'));
    expect(documentBased).toEqual([]);
  });

  it('names the place and the fix in Chinese', () => {
    const contradiction = findings.find((f) => f.ruleId === 'measurability.description-contradiction')!;
    expect(contradiction.message).toBe(
      '项目 315-0101-JBN-GXGK 第 1 行「制作宣传展板，人口密集地方悬挂摆放宣传标语、宣传…」的描述写的是 50张，指标值却是"≥15张"。',
    );
    const fee = findings.find((f) => f.ruleId === 'classification.cost')!;
    expect(fee.suggestion).toBe('移到产出指标—成本指标下，写明金额上限，如"≤3万元"。');
  });
});

describe('the corrected copy', () => {
  const corrected = read('huailai-sifaju-2020-corrected.txt');

  it('keeps the seed’s projects and money', () => {
    const seed = read('huailai-sifaju-2020.txt');
    const money = (d: typeof seed) => d.projects.map((p) => [p.code, p.budget, p.spendingPlan]);
    expect(money(corrected)).toEqual(money(seed));
  });

  it('produces no findings at all, not even hints', () => {
    expect(reviewDocument(corrected)).toEqual([]);
  });
});
