import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

const budget = (total: string | null, fiscal: string | null, other: string | null, sources: [string, string | null][] = []) => ({
  total,
  fiscal,
  other,
  sources: sources.map(([name, amount]) => ({ name, amount })),
});

describe('consistency.budget-sum', () => {
  it('is silent when 财政资金 + 其他资金 = 预算数, an empty 其他资金 counting as none', () => {
    expect(findingsOf('consistency.budget-sum', aDocument())).toEqual([]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: budget('91.10', '91.1', null) }))).toEqual([]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: budget('0.3', '0.1', '0.2') }))).toEqual([]);
  });

  it('reports funds that do not add up, exactly', () => {
    const found = findingsOf('consistency.budget-sum', withProject({ budget: budget('5.00', '4.00', '0.99') }));
    expect(found.map((f) => [f.field, f.severity, f.message])).toEqual([
      ['budget', 'error', '项目 315-0105-JBN-2D9U 的财政资金与其他资金合计 4.99 万元，与预算数 5.00 万元不符。'],
    ]);
  });

  it('checks listed fund sources against the budget too', () => {
    const ok = budget('10', '10', null, [
      ['财政拨款', '8'],
      ['自有资金', '2'],
      ['其他', null],
    ]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: ok }))).toEqual([]);
    const off = budget('10', '10', null, [
      ['财政拨款', '8'],
      ['自有资金', '1.5'],
    ]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: off })).map((f) => f.field)).toEqual(['budget.sources']);
  });

  it('leaves an empty budget to completeness.budget', () => {
    expect(findingsOf('consistency.budget-sum', withProject({ budget: budget(null, '5', null) }))).toEqual([]);
  });

  it('reads sources listed besides 财政资金 as the rest of the budget (四川: 财政专户管理资金 0.00, 单位资金 0.00)', () => {
    const besides = budget('238.93', '238.93', null, [
      ['财政专户管理资金', '0.00'],
      ['单位资金', '0.00'],
    ]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: besides }))).toEqual([]);
    // 湘潭: "该项目支出上级资金 0" names one source of 250, no more.
    expect(findingsOf('consistency.budget-sum', withProject({ budget: budget('250', null, null, [['该项目支出上级资金', '0']]) }))).toEqual(
      [],
    );
    expect(findingsOf('consistency.budget-sum', withProject({ budget: budget('250', null, null, [['上级资金', '251']]) }))).toHaveLength(1);
    const off = budget('238.93', '238.93', null, [['单位资金', '1.00']]);
    expect(findingsOf('consistency.budget-sum', withProject({ budget: off })).map((f) => f.field)).toEqual(['budget.sources']);
  });
});
