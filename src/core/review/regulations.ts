/**
 * The regulations review rules rest on. Each has its document number (文号), which is how
 * finance bureaus cite it in every language; titles and clause names are in the message
 * catalog (review.regulations, review.clause).
 */
import type { Messages } from '../../i18n/index.ts';

export type RegulationId = keyof Messages['review']['regulations'];
export type Clause = keyof Messages['review']['clause'];

export interface Regulation {
  id: RegulationId;
  /** 文号; empty for the bureau's own rules. */
  number: string;
  year: number | null;
}

export const regulations: Readonly<Record<RegulationId, Regulation>> = {
  // 绩效目标的设定与审核：完整性、相关性、适当性、可行性；绩效指标与绩效标准。
  'caiyu-2015-88': { id: 'caiyu-2015-88', number: '财预〔2015〕88号', year: 2015 },
  // 项目支出核心绩效目标和指标设置及取值：2021 年版表样（成本、产出、效益、满意度）。
  'caiyu-2021-101': { id: 'caiyu-2021-101', number: '财预〔2021〕101号', year: 2021 },
  // 项目支出绩效评价：自评的分值与等级。
  'caiyu-2020-10': { id: 'caiyu-2020-10', number: '财预〔2020〕10号', year: 2020 },
  // 全面实施预算绩效管理：绩效目标是预算安排的前置条件。
  'zhongfa-2018-34': { id: 'zhongfa-2018-34', number: '中发〔2018〕34号', year: 2018 },
  // 绩效运行监控：预算执行进度与绩效目标实现程度"双监控"。
  'caiyu-2019-136': { id: 'caiyu-2019-136', number: '财预〔2019〕136号', year: 2019 },
  // 地方预决算公开：绩效目标随预算公开。
  'caiyu-2016-143': { id: 'caiyu-2016-143', number: '财预〔2016〕143号', year: 2016 },
  // Practice a bureau sets for itself, such as its project-code rule.
  bureau: { id: 'bureau', number: '', year: null },
};

/** Where a rule's requirement comes from. */
export interface RuleSource {
  regulation: RegulationId;
  clause: Clause;
}
