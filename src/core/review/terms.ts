/**
 * The words a reviewer reads an indicator by: what kind of measure its name describes
 * (a rate, a deadline, a cost, a satisfaction), whether it states a measure at all, and whether
 * its basis names a standard. The meanings follow 财预〔2021〕101号: 数量 = how much (件, 人, 次),
 * 质量 = how well (合格率, 结案率, 覆盖率), 时效 = when (时限, 及时率), 成本 = at what cost.
 *
 * Each vocabulary is one precompiled expression: reviewing a province's indicators reads
 * every name a handful of times, so the cost is in the number of passes, not in the lists.
 */

/** A share: …率 (not 效率, which is no percentage), 满意…, 全覆盖 (覆盖 alone may count units: 覆盖单位 ≥80家). */
export const PERCENT_LIKE = /(?<!效)率|满意|全覆盖/;

/** Rates that may exceed 100 % or go negative. */
export const GROWTH = /增长|增速|增幅|涨幅|降幅|变动率|比上年/;

/** Satisfaction and its kin: only these belong under 满意度指标. */
export const SATISFACTION = /满意|认可度|好评|认同度/;

/** When: deadlines, time limits, timeliness rates. */
export const TIMELINESS =
  /及时|按时|准时|如期|按期|时限|时效|期限|完成时间|办结时间|办理时间|工作日内|周期(?!内)|截止|[前底末]完成|(?:年|月)底前/;

/** At what cost: fees, prices, spending. */
export const COST = /费用|成本|单价|价格|造价|经费|开支|支出额|补助标准|补贴标准|收费/;

/** Amount units that make a number a sum of money. */
export const MONEY_UNIT = /^[千万亿]?元$/;

/**
 * Aims without a measure: where a description leans on these and names nothing countable,
 * it describes a wish, not an indicator.
 */
export const VAGUE =
  /最大限度|最大程度|尽可能|尽量|进一步|不断|逐步|切实|大力|积极|努力|有效|全面|加强|增强|提高|提升|降低|减少|减轻|改善|促进|推进|推动|确保|保障/g;

/** Something countable or a share: a digit, a rate, a count noun. */
export const MEASURE = /\d|(?<!效)率|满意|覆盖|数量|次数|人数|户数|件数|场次|个数|人次|台套|总量|面积|长度|金额|天数/;

/** The units people write after numbers inside descriptions ("每年制作展板50张"). */
export const STATED_QUANTITY =
  /(\d+(?:\.\d+)?)\s*(个工作日|人次|台套|平方米|公里|小时|万元|%|％|‰|张|次|人|件|个|场|期|篇|台|套|户|所|天|日|元|份|册|本|家|名|座|项|条|批)/g;

/** The unit a description implies when it does not write a number. */
export const IMPLIED_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  // Most specific first: "制作宣传展板" counts 张, not 次.
  [/费用|经费|资金|金额|成本|单价|补助|补贴|价格|造价/, '万元'],
  [/人次/, '人次'],
  [/展板|宣传单|海报|证书/, '张'],
  [/案件|件数|事项|纠纷/, '件'],
  [/户数|农户|贫困户/, '户'],
  [/场次/, '场'],
  [/天数|时限|工作日/, '天'],
  [/次数|培训|会议|活动|检查|督查|演练|宣传|讲座|巡查/, '次'],
  [/人数|名/, '人'],
  [/设备|设施|装备/, '台套'],
];

/** Rates where more is better; ≤ on them is a slip. */
export const HIGHER_IS_BETTER =
  /满意|结案率|合格率|达标率|覆盖率|完成率|知晓率|准确率|正确率|及时率|核查率|受益率|执行率|到位率|通过率|普及率|参与率|成功率|化解率|完好率|优良率/;

/** Measures where less is better; ≥ on them is a slip. */
export const LOWER_IS_BETTER = /投诉|事故|差错|失误|违法|违纪|犯罪|发生率|故障|超支|延误|逾期|返工/;

/**
 * What a 指标性质 or 指标方向(性) cell says besides a relation: the way the measure improves (正向 /
 * 反向) or whether it is counted at all (定量 / 定性). Forms differ in which column holds which: 乌海
 * prints 正向 under 指标性质 and the sign under 指标方向, 四川 the sign under 指标性质.
 */
export const NATURE_WORDS: Readonly<Record<string, { sense: 'higher' | 'lower' } | { kind: 'quantitative' | 'qualitative' }>> = {
  正向: { sense: 'higher' },
  正向指标: { sense: 'higher' },
  越高越好: { sense: 'higher' },
  越大越好: { sense: 'higher' },
  反向: { sense: 'lower' },
  反向指标: { sense: 'lower' },
  越低越好: { sense: 'lower' },
  越小越好: { sense: 'lower' },
  定量: { kind: 'quantitative' },
  定量指标: { kind: 'quantitative' },
  定性: { kind: 'qualitative' },
  定性指标: { kind: 'qualitative' },
};

/**
 * A basis names where the value comes from: a plan, a standard, history, a document or a
 * regulation (财预〔2015〕88号 绩效标准: 计划标准, 行业标准, 历史标准, 其他标准).
 */
export const BASIS_SOURCE =
  /计划|标准|规定|办法|规范|方案|规划|文件|通知|意见|要求|[号〕】\]]|历史|上年|往年|以前年度|近[一二三四五1-5]年|行业|国家|条例|法规|法律|合同|协议|预算|批复|目标|任务|考核|统计|测算|调查|调研|实际|承诺|指南|指引|制度|决定|纲要|部署|定额|责任书|清单|政策|职责|职能/;

/**
 * Words that say why a target is set below what was achieved: a cause (因, 由于, 受…影响) or a stated
 * cut (下调, 调减, 压减 …). 因素 names no cause.
 */
export const LOWERING_REASON = /因(?!素)|由于|受.{0,20}影响|下调|调减|调低|压减|缩减|降低|下降|减少/;

/** A basis that only names a measure: 结案率, 满意度, 培训次数, 交付额. */
export const MEASURE_NOUN = /(?:率|度|数|量|额|值|次数|人数|数量)$/;

/**
 * A cell left as the template had it: a numbered stand-in (指标1, 目标2 — 宁德's 自评表 prints
 * 三级 "指标1"), crosses (XXX, ××), or an ellipsis as the whole cell. Tested on the trimmed cell.
 */
export const PLACEHOLDER = /^(?:(?:指标|目标)\s*[0-9一二三四五六七八九十]+|[xX×＊*]{2,}|[.．。…·]{3,}|…+)$/;

/** XXX standing for a name inside a text ("完成XXX工作"), never inside a Latin word. */
export const PLACEHOLDER_RUN = /(?<![A-Za-z])(?:[xX]{3,}|×{2,})(?![A-Za-z])/;

/** Spaces and punctuation, which names may differ in without meaning anything else. */
const IGNORED = new Uint8Array(0x10000);
for (const c of ' \t\n\r\f\v\u00a0\u3000。．.，,、；;：:！!？?“”"\'‘’「」（）()') IGNORED[c.charCodeAt(0)] = 1;

/**
 * A name reduced for comparison: no spaces or punctuation. A character loop rather than a
 * replace: it runs on every row's wording and basis, and most have nothing to remove.
 */
export function comparable(text: string): string {
  let i = 0;
  while (i < text.length && IGNORED[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let kept = text.slice(0, i);
  for (; i < text.length; i++) if (IGNORED[text.charCodeAt(i)] === 0) kept += text[i];
  return kept;
}
