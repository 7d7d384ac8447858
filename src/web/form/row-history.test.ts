import { describe, expect, it } from 'vitest';
import type { Indicator, TargetDocument } from '../../core/model/document.ts';
import type { DocumentHistory, PastValue } from '../api/history-types.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { blankProject, type EditorDocument } from '../editor/model.ts';
import { hasHistory, historyByIndicator, historyForReview, historyOfRows } from './row-history.ts';

const past = (year: number, target: string, actual: string | null, label = '办理法律援助案件结案率'): PastValue => ({
  year,
  label,
  target,
  actual,
  similarity: 1,
});

const answer: DocumentHistory = {
  previousYear: 2020,
  yearBeforeLast: 2019,
  projects: [
    {
      projectId: 1,
      code: 'A',
      rows: [
        { indicatorId: 11, position: 0, previousYear: past(2020, '≥95', '96%'), yearBeforeLast: null },
        { indicatorId: 12, position: 1, previousYear: null, yearBeforeLast: null },
        { indicatorId: 13, position: 2, previousYear: null, yearBeforeLast: past(2019, '≥90%', null) },
      ],
    },
  ],
};

const row = (level3: string, target: string): Indicator => ({
  term: 'annual',
  level1: '产出指标',
  level2: '质量指标',
  level3,
  description: '',
  target,
  basis: '',
  remark: '',
});

describe('each row’s 上年 / 前年 from the history endpoint', () => {
  it('keeps the rows that have a past, by their stored id', () => {
    const byId = historyByIndicator(answer);
    expect([...byId.keys()]).toEqual([11, 13]);
    expect(byId.get(13)).toEqual({ previousYear: null, yearBeforeLast: past(2019, '≥90%', null) });
    expect(historyByIndicator(undefined).size).toBe(0);
  });

  it('puts them beside the rows a page shows, and says whether any row has one', () => {
    const rows = [{ id: 12 }, { id: 11 }, { id: 99 }];
    const shown = historyOfRows(rows, (r) => r.id, historyByIndicator(answer));
    expect(shown.map((h) => h?.previousYear?.actual ?? null)).toEqual([null, '96%', null]);
    expect(hasHistory(shown)).toBe(true);
    expect(hasHistory(historyOfRows(rows, (r) => r.id, new Map()))).toBe(false);
  });

  it('gives the review last year’s actuals under the rows’ current wording: a lowered target is a finding', () => {
    const unit = { code: '315002', name: '怀来县司法局' };
    const project = { ...blankProject({ unit } as EditorDocument, '法律援助'), code: 'A' };
    const document: TargetDocument = {
      unit,
      year: 2021,
      department: null,
      projects: [{ ...project, indicators: [row('办理法律援助案件结案率', '≥92%'), row('群众满意度', '≥90%')] }],
    };
    const byId = historyByIndicator(answer);
    const history = historyForReview(document, () => [byId.get(11) ?? null, null]);
    expect(history).toEqual([{ projectCode: 'A', description: '办理法律援助案件结案率', actual: '96%', year: 2020 }]);
    const below = (h?: typeof history) =>
      reviewDocument(document, { history: h })
        .filter((f) => f.ruleId === 'appropriateness.below-history')
        .map((f) => f.message);
    expect(below(history)).toEqual(['项目 A 第 1 行「办理法律援助案件结案率」的指标值"≥92%"低于2020年实际完成的"96%"，且未说明理由。']);
    expect(below()).toEqual([]);
  });
});
