import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/index.ts';
import { reviewDocument, ruleCatalog, rules, summarize } from './engine.ts';
import { regulations } from './regulations.ts';
import { aDocument, aProject, withRow } from './testing.ts';

/** A document with something to say at every level: the document, two projects, several rows. */
function flawed() {
  const first = aProject({ useOfFunds: '' });
  first.indicators[4] = { ...first.indicators[4]!, target: '' };
  first.indicators[1] = { ...first.indicators[1]!, target: '≥95', basis: '' };
  const second = aProject({ code: '315-0101-JBN-GXGK', name: '普法宣传', goals: [] });
  second.indicators[0] = { ...second.indicators[0]!, target: '' };
  return aDocument({ department: null, projects: [first, second] });
}

describe('reviewDocument', () => {
  it('finds nothing at all in a clean document', () => {
    expect(reviewDocument(aDocument())).toEqual([]);
  });

  it('orders findings: the document first, then by project, the project before its rows, rows in order', () => {
    const places = reviewDocument(flawed()).map((f) => [f.projectCode, f.indicatorIndex, f.ruleId]);
    expect(places).toEqual([
      [null, null, 'completeness.department-goals'],
      ['315-0105-JBN-2D9U', null, 'completeness.use-of-funds'],
      ['315-0105-JBN-2D9U', 2, 'completeness.empty-basis'],
      ['315-0105-JBN-2D9U', 2, 'measurability.rate-percent'],
      ['315-0105-JBN-2D9U', 5, 'completeness.empty-target'],
      ['315-0101-JBN-GXGK', null, 'completeness.goals'],
      ['315-0101-JBN-GXGK', 1, 'completeness.empty-target'],
    ]);
  });

  it('lets a bureau disable rules and severities and weigh rules differently', () => {
    const ids = (settings: Parameters<typeof reviewDocument>[1]) => reviewDocument(flawed(), settings).map((f) => f.ruleId);
    expect(ids({ settings: { disabledRules: ['completeness.empty-target'] } })).not.toContain('completeness.empty-target');
    expect(ids({ settings: { disabledSeverities: ['warning'] } })).toEqual([
      'completeness.use-of-funds',
      'completeness.empty-target',
      'completeness.goals',
      'completeness.empty-target',
    ]);
    const weighed = reviewDocument(flawed(), { settings: { severityOverrides: { 'completeness.empty-basis': 'error' } } });
    expect(weighed.find((f) => f.ruleId === 'completeness.empty-basis')?.severity).toBe('error');
    const hidden = { severityOverrides: { 'completeness.empty-basis': 'info' as const }, disabledSeverities: ['info' as const] };
    expect(reviewDocument(flawed(), { settings: hidden }).map((f) => f.ruleId)).not.toContain('completeness.empty-basis');
  });

  it('rejects an invalid project-code pattern before reviewing', () => {
    expect(() => reviewDocument(aDocument(), { settings: { projectCodePattern: '([' } })).toThrow(SyntaxError);
  });

  it('speaks English when asked', () => {
    const [finding] = reviewDocument(withRow({ target: '' }, 4), { locale: 'en' });
    expect(finding).toMatchObject({
      message: 'Project 315-0105-JBN-2D9U, row 5 "受援群众满意度" has no target value.',
      source: '财预〔2015〕88号, completeness review',
    });
  });

  it('shortens long indicator names in the place it names', () => {
    const description = '对培训人员做到“懂”能将所学知识用到实际，运用法律知识解决问题';
    const [finding] = reviewDocument(withRow({ description, target: '' }, 3));
    expect(finding!.message).toBe('项目 315-0105-JBN-2D9U 第 4 行「对培训人员做到“懂”能将所学知识用到实际，运用法…」的指标值为空。');
  });

  it('reviews the department-wide rows of a 部门整体 table with the row rules, after the document’s own findings', () => {
    const doc = aDocument({ projects: [] });
    const row = { ...aProject().indicators[1]!, target: '' };
    doc.department = { ...doc.department!, indicators: [aProject().indicators[0]!, row] };
    expect(reviewDocument(doc).map((f) => [f.projectCode, f.indicatorIndex, f.field, f.message])).toEqual([
      [null, 2, 'department.indicators.target', '部门整体绩效指标 第 2 行「法律援助案件结案率」的指标值为空。'],
    ]);
  });

  it('reviews a document without projects', () => {
    expect(reviewDocument(aDocument({ projects: [] }))).toEqual([]);
  });

  it('does not change the document it reviews', () => {
    const doc = flawed();
    const before = JSON.stringify(doc);
    reviewDocument(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('summarize', () => {
  it('counts findings by severity', () => {
    expect(summarize(reviewDocument(flawed()))).toEqual({ error: 4, warning: 3, info: 0 });
    expect(summarize([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('the rule catalog', () => {
  it('has one rule per message entry, with stable kebab-case ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(messagesFor('zh-CN').review.rules).sort());
    for (const id of ids)
      expect(id).toMatch(/^(completeness|consistency|measurability|classification|basis|appropriateness)\.[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const r of rules) expect(r.id.startsWith(`${r.family}.`)).toBe(true);
  });

  it('gives every rule a file of its own and a test beside it', () => {
    const dir = join(import.meta.dirname, 'rules');
    for (const r of rules) {
      expect(existsSync(join(dir, `${r.id}.ts`))).toBe(true);
      expect(existsSync(join(dir, `${r.id}.test.ts`))).toBe(true);
    }
    const ruleFiles = readdirSync(dir).filter((f) => /^[a-z]+\.[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(ruleFiles.length).toBe(rules.length);
  });

  it('cites a known regulation for every rule', () => {
    for (const r of rules) expect(regulations[r.source.regulation]).toBeDefined();
  });

  it('lists rules with titles and citations in a language', () => {
    const zh = ruleCatalog();
    expect(zh).toHaveLength(rules.length);
    expect(zh.find((r) => r.id === 'consistency.budget-sum')).toEqual({
      id: 'consistency.budget-sum',
      family: 'consistency',
      familyName: '一致性',
      severity: 'error',
      title: '资金来源合计与预算数不符',
      regulation: 'caiyu-2015-88',
      regulationTitle: '《中央部门预算绩效目标管理办法》',
      source: '财预〔2015〕88号 完整性审核',
    });
    expect(ruleCatalog('en').find((r) => r.id === 'consistency.project-code-format')?.source).toBe('project coding rules');
  });
});
