/**
 * The 共性 indicators of the 2021 framework (财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置
 * 及取值指引（试行）》), as far as jixiao's sources document them: ../shared/docs/domain.md §3 and
 * docs/forms/README.md ("National: 财预〔2021〕101号"). Those name the framework's levels (成本 →
 * 经济/社会/生态环境成本, 产出 → 数量/质量/时效, 效益 → 经济/社会/生态效益, 满意度 → 服务对象满意度;
 * ../framework/framework.ts) but hold no list of 三级 indicators and no values: the notice's 附件2
 * (the indicator template) was not found. So the one 共性 entry here is the one indicator the
 * framework itself names, and it carries no suggested value — a bureau's library adds its own.
 */
import type { LibraryEntry } from './entry.ts';

const SOURCE = { kind: 'framework', reference: '财预〔2021〕101号' } as const;

export const FRAMEWORK_2021_ENTRIES: readonly LibraryEntry[] = [
  {
    id: 'caiyu-2021-101.satisfaction',
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    level3: '服务对象满意度',
    description: '',
    unit: '%',
    // 满意度 rises as service improves (../review/terms.ts HIGHER_IS_BETTER).
    direction: 'higher',
    target: null,
    explanation: null,
    method: null,
    dataSource: null,
    field: 'common',
    source: SOURCE,
    status: { state: 'approved', reason: null },
  },
];
