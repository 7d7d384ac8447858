/**
 * The qualitative grades (定性分级分档) that 指标值 cells use, by family, best grade first.
 * 财预〔2021〕101号 asks for 定性 values "分级分档" so that they can be scored; a grade that
 * is recognised here can be compared with an actual grade of the same family.
 */
import type { GradeScale } from './target-value.ts';

interface Recognised {
  scale: GradeScale;
  rank: number | null;
}

/** Ordered families: each level lists the ways documents write it; levels run best to worst. */
const ORDERED: ReadonlyArray<[GradeScale, readonly (readonly string[])[]]> = [
  ['quality', [['好'], ['较好', '比较好'], ['一般'], ['较差', '比较差'], ['差']]],
  // 优良 (东莞, 湘潭 air quality) asks for at least 良.
  ['rating', [['优'], ['良', '优良'], ['中']]],
  ['merit', [['优秀'], ['良好'], ['合格', '及格', '中等'], ['不合格', '不及格']]],
  [
    'expectation',
    [
      ['超出预期', '超过预期', '超预期'],
      ['达到预期', '符合预期', '实现预期', '达预期', '达到预期目标', '达到预期效果', '达到预期标准'],
      ['基本达到预期', '基本符合预期', '基本实现预期', '基本达到预期目标', '基本达到预期效果'],
      ['部分达到预期', '部分实现预期'],
      ['未达到预期', '未达预期', '没有达到预期', '未实现预期'],
    ],
  ],
  [
    'completion',
    [
      // 及时 alone (东莞 批复表: 结算款支付及时性 "及时") is done on time.
      ['全部完成', '按时完成', '按期完成', '如期完成', '及时完成', '及时', '完成', '已完成', '按要求完成', '保质保量完成', '按计划完成'],
      ['基本完成'],
      ['部分完成'],
      ['未完成'],
    ],
  ],
  [
    'compliance',
    [
      ['达标', '符合要求', '符合标准', '符合规定', '满足要求', '合规', '验收合格', '通过验收'],
      ['基本达标', '基本符合要求', '基本符合标准', '基本符合'],
      ['不达标', '不符合要求', '不符合标准', '不符合'],
    ],
  ],
];

/** Grades with no order: the target names the wanted answer. */
const UNORDERED: ReadonlyArray<[GradeScale, readonly string[]]> = [
  // Also the stated conditions safety and burden indicators use: 重大疫情 不发生, 群众负担 不增加.
  ['yesNo', ['是', '否', '有', '无', '不发生', '未发生', '零发生', '杜绝', '不增加', '不降低', '不减少', '不下降', '不突破', '不超标']],
];

const exact = new Map<string, Recognised>();
for (const [scale, levels] of ORDERED)
  levels.forEach((names, i) => {
    // 差 is both the last 好/较好/一般/差 level and the last 优/良/中/差 level; the first family keeps it.
    for (const name of names) if (!exact.has(name)) exact.set(name, { scale, rank: levels.length - 1 - i });
  });
exact.set('差', { scale: 'quality', rank: 0 });
for (const [scale, names] of UNORDERED) for (const name of names) exact.set(name, { scale, rank: null });

// 显著提升 / 明显改善 / 有所降低: the modifier is the grade; without one the word is a bare trend.
const MODIFIER = '(显著|大幅度|大幅|明显|有效|有所|逐步|稳步|一定程度(?:上)?|进一步|持续|不断)?';
const RISE = new RegExp(`^(?:得到|得以|有)?${MODIFIER}(提升|提高|增强|增加|上升|改善|好转|增长|加强|丰富|完善|优化|扩大|健全|强化)$`);
const FALL = new RegExp(`^(?:得到|得以|有)?${MODIFIER}(降低|下降|减少|减轻|缓解|压减)$`);
const MODIFIER_RANK: Readonly<Record<string, number>> = {
  显著: 2,
  大幅度: 2,
  大幅: 2,
  明显: 1,
  有效: 1,
  有所: 0,
  逐步: 0,
  稳步: 0,
  一定程度: 0,
  一定程度上: 0,
};

// 2020年12月底前, 12月31日前, 年底前完成, 第四季度末, 当年.
const DEADLINE =
  /^(?:\d{4}年度?)?(?:\d{1,2}月(?:\d{1,2}日|底|末|初|上旬|中旬|下旬|份)?|年?底|年?末|年内|年中|当年|上半年|下半年|第?[一二三四1-4]季度(?:末|底)?)(?:前|之前|以前|内|以内)?(?:完成|完工|办结|结束|实施|到位|竣工)?$/;

/** Which grade a (normalised: half-width, no spaces) cell names, or null. */
export function recogniseGrade(s: string): Recognised | null {
  const known = exact.get(s);
  if (known) return known;
  const rise = RISE.exec(s);
  const trend = rise ?? FALL.exec(s);
  if (trend) {
    const scale: GradeScale = rise ? 'improvement' : 'reduction';
    const rank = trend[1] === undefined ? undefined : MODIFIER_RANK[trend[1]];
    return rank === undefined ? { scale: 'trend', rank: null } : { scale, rank };
  }
  if (DEADLINE.test(s)) return { scale: 'deadline', rank: null };
  return null;
}
