/**
 * Published forms of five provinces (./fixtures, each with its source), reviewed as the form each
 * is — its profile's 一级, columns and weights — as a finance-bureau reviewer would. Each finding is
 * pinned with why it stands: the defects such forms really hold are found (宁德's 目标值 "1" against
 * a 90% standard, its 基本支出 履职目标 holding the 资金总额), and a row is flagged only for what
 * is wrong with it. Where a finding comes from what jixiao asks of every document rather than from
 * the form, it says so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileById } from '../../core/forms/profiles.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { reviewDocument } from '../../core/review/engine.ts';

interface Fixture {
  profile: string;
  documents: TargetDocument[];
}

/** Rule ids by place: "department#n" (0: the department part or the document), "project#n" (0: the project). */
function reviewed(name: string): Record<string, string[]> {
  const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures', name, 'expected.json'), 'utf8')) as Fixture;
  const profile = profileById(fixture.profile);
  expect(profile).toBeDefined();
  const places: Record<string, string[]> = {};
  for (const document of fixture.documents)
    for (const f of reviewDocument(document, { profile })) {
      const place = `${f.projectCode === null ? 'department' : 'project'}#${f.indicatorIndex ?? 0}`;
      (places[place] ??= []).push(f.ruleId);
    }
  return places;
}

describe('published forms reviewed as their own form', () => {
  it('福建 宁德 部门整体支出绩效目标表 2019', () => {
    expect(reviewed('fujian-ningde-department')).toEqual({
      // The 基本支出 履职目标 holds 171.41, the 资金总额, not 110.61.
      'department#0': ['consistency.duty-amounts'],
      // 供应时效 filed under 数量指标.
      'department#1': ['classification.timeliness'],
      // 目标值 "1" against "90%(计划标准)" and "100%(计划标准)".
      'department#4': ['consistency.percent-standard'],
      'department#5': ['consistency.percent-standard'],
    });
  });

  it('广东 东莞 批复表 2019 (中期 rows 1–5, 年度 rows 6–10)', () => {
    expect(reviewed('guangdong-dongguan-approval')).toEqual({
      // "3" 镇街补助款完成结算项目数: three what? (the suggested unit, 万元, is the rule's guess from 补助)
      'project#1': ['measurability.missing-unit'],
      'project#6': ['measurability.missing-unit'],
    });
  });

  it('广东 东莞 目标表 2022 (the excerpt stops inside the 质量指标 rows)', () => {
    expect(reviewed('guangdong-dongguan-2022-target')).toEqual({
      // No 效果 rows: the excerpt ends before them; no 时效指标 (a hint).
      'project#0': ['completeness.missing-level1', 'completeness.output-timeliness'],
      // "建筑面积2.6万平方米,展示面积1万平方米": two values in one target, which no one can score as one.
      'project#1': ['measurability.unreadable-target'],
      'project#4': ['measurability.unreadable-target'],
    });
  });

  it('河北 怀来 the sample’s own form as a table: what the text reader’s reading of it gets', () => {
    expect(reviewed('hebei-huailai-project')).toEqual({
      // The table alone prints no 部门整体绩效目标 and no year (the published document around it does).
      'department#0': ['completeness.department-goals', 'completeness.year'],
      'project#0': ['completeness.output-quality', 'completeness.output-timeliness'],
      // The same rows as src/formats/text/seed-reviewed.test.ts finds in the published text.
      'project#1': ['measurability.rate-percent', 'classification.rate-under-quantity', 'basis.restates-indicator'],
      'project#2': ['measurability.rate-percent', 'classification.rate-under-quantity', 'basis.restates-indicator'],
      'project#3': ['measurability.rate-percent', 'basis.restates-indicator'],
      'project#4': ['measurability.missing-unit', 'measurability.vague-description', 'basis.restates-indicator'],
      'project#5': ['measurability.rate-percent', 'basis.restates-indicator'],
      'project#6': ['completeness.empty-target', 'consistency.duplicate-indicator', 'basis.restates-indicator'],
    });
  });

  it('湖南 湘潭 项目支出绩效目标申报表 2023', () => {
    expect(reviewed('hunan-xiangtan-declaration')).toEqual({
      // 服务周期 "2023.07-2024.01": a period written as numbers.
      'project#4': ['measurability.missing-unit'],
      // 市民对空气质量改善的满意程度 under 效益指标.
      'project#6': ['classification.satisfaction-outside'],
    });
  });

  it('内蒙古 乌海 项目绩效目标表 2021 (the published excerpt stops after the 产出 rows)', () => {
    expect(reviewed('neimenggu-wuhai-project')).toEqual({
      // No 效益 or 满意度 rows, and so 50 points of the 90 the form states: the excerpt ends there.
      'project#0': ['completeness.missing-level1', 'completeness.missing-level1', 'consistency.weights-sum'],
      // 出差人数 "=8" with an empty 计量单位.
      'project#1': ['measurability.missing-unit'],
      // 到位时间 and 完成时间 exported as Excel serials (44561 = 2021-12-31) in both 目标值 and 计量单位.
      'project#4': ['measurability.unreadable-target'],
      'project#6': ['measurability.unreadable-target'],
    });
  });

  it('四川 青神 项目支出绩效自评表 2023', () => {
    expect(reviewed('sichuan-qingshen-self-evaluation')).toEqual({
      // 工资性支出 has only a 数量 and a 社会效益 row: no 成本, 满意度, 质量 or 时效. Its 21-character
      // code follows 四川's rule (the profile's), not the 河北 default.
      'project#0': [
        'completeness.missing-level1',
        'completeness.missing-level1',
        'completeness.output-quality',
        'completeness.output-timeliness',
      ],
      // 发放（缴纳）覆盖率, a rate, under 数量指标.
      'project#1': ['classification.rate-under-quantity'],
    });
  });
});
