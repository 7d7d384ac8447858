import { describe, expect, it } from 'vitest';
import { readGoalTexts, readNumberedItems } from './numbering.ts';

describe('numbering', () => {
  it('keeps items that follow each other on one line in one item, separators and all', () => {
    const [item] = readNumberedItems(['（一）是务实调解组织基础，（二）是不断提升人民调解队伍素质。']);
    expect(item).toEqual({ label: '（一）', text: '是务实调解组织基础，（二）是不断提升人民调解队伍素质。', children: [] });
    expect(readNumberedItems(['1、执行第3、4条；2、完成验收'])).toEqual([
      { label: '1、', text: '执行第3、4条；2、完成验收', children: [] },
    ]);
    expect(readNumberedItems(['1.5万元用于培训'])).toEqual([{ label: '', text: '1.5万元用于培训', children: [] }]);
  });

  it('nests a new numbering style under the item before it', () => {
    const items = readNumberedItems(['一、强化调解。', '（一）是基础，（二）是队伍。', '二、规范矫正。', '1. 细则', '三、提升服务。']);
    expect(items.map((i) => [i.label, i.text, i.children.map((c) => c.label + c.text)])).toEqual([
      ['一、', '强化调解。', ['（一）是基础，（二）是队伍。']],
      ['二、', '规范矫正。', ['1.细则']],
      ['三、', '提升服务。', []],
    ]);
  });

  it('continues the last item with an unnumbered paragraph', () => {
    expect(readNumberedItems(['一、第一项', '补充说明'])).toEqual([{ label: '一、', text: '第一项\n补充说明', children: [] }]);
    expect(readNumberedItems(['没有编号的措施'])).toEqual([{ label: '', text: '没有编号的措施', children: [] }]);
  });

  it('reads goals without their numbers, in any numbering style', () => {
    expect(readGoalTexts(['1、组织法律援助。', '2、困难群众受益。'])).toEqual(['组织法律援助。', '困难群众受益。']);
    expect(readGoalTexts(['１、全角编号', '（2）第二项', '③第三项'])).toEqual(['全角编号', '第二项', '第三项']);
    expect(readGoalTexts(['完成年度任务。'])).toEqual(['完成年度任务。']);
    expect(readGoalTexts(['1、第一项', '续写'])).toEqual(['第一项\n续写']);
    expect(readGoalTexts(['1、组织援助；2、群众受益'])).toEqual(['组织援助；2、群众受益']);
  });
});
