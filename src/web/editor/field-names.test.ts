import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/index.ts';
import { fieldName, valueText } from './field-names.ts';

const zh = messagesFor('zh-CN').web;
const en = messagesFor('en').web;

describe('the conflict dialog names fields as the form reads', () => {
  it('names project fields, cells by their row, and whole rows', () => {
    expect(fieldName(zh, { field: 'name', row: null })).toBe('项目名称');
    expect(fieldName(zh, { field: 'budget.fiscal', row: null })).toBe('其中：财政资金');
    expect(fieldName(zh, { field: 'level3', row: 5 })).toBe('第5行 三级指标');
    expect(fieldName(zh, { field: 'row', row: 2 })).toBe('第2行（整行）');
    expect(fieldName(zh, { field: 'rowAdded', row: 3 })).toBe('新增第3行');
    expect(fieldName(zh, { field: 'departmentGoals', row: null })).toBe('部门整体绩效目标');
    expect(fieldName(zh, { field: 'department', row: null })).toBe('主管部门');
    expect(fieldName(en, { field: 'target', row: 4 })).toBe(`Row 4 ${en.project.target}`);
  });

  it('names the columns only some provinces print, the header fields and the 部门整体 table', () => {
    expect(fieldName(zh, { field: 'weight', row: 2 })).toBe('第2行 权重');
    expect(fieldName(zh, { field: 'yearBeforeLast', row: 1 })).toBe('第1行 前年指标值');
    expect(fieldName(zh, { field: 'manager', row: null })).toBe('项目负责人');
    expect(fieldName(zh, { field: 'budget.mediumTerm', row: null })).toBe('中期预算');
    expect(fieldName(zh, { field: 'duties', row: null })).toBe('年度履职目标');
    expect(fieldName(en, { field: 'measureUnit', row: 3 })).toBe('Row 3 Unit of measure');
  });

  it('shows values as a line of text', () => {
    expect(valueText(zh, 'name', '')).toBe('（空）');
    expect(
      valueText(zh, 'goals', [
        { term: 'annual', text: '办案' },
        { term: 'annual', text: '普法' },
      ]),
    ).toBe('办案；普法');
    expect(valueText(zh, 'row', null)).toBe('（删除此行）');
    expect(valueText(zh, 'row', { description: '群众满意度', target: '≥80%' })).toBe('群众满意度 ≥80%');
    expect(valueText(zh, 'budget.total', null)).toBe('（空）');
  });
});
