import { describe, expect, it } from 'vitest';
import { bureauTree, subtree } from './bureau-tree.ts';

const b = (id: number, name: string, parentId: number | null, depth: number) => ({ id, code: String(id), name, parentId, depth });
const all = [
  b(1, '河北省财政厅', null, 0),
  b(2, '张家口市财政局', 1, 1),
  b(3, '怀来县财政局', 2, 2),
  b(4, '怀安县财政局', 2, 2),
  b(5, '保定市财政局', 1, 1),
];

describe('the bureau tree', () => {
  it('nests bureaus under their parents in list order', () => {
    const [root] = bureauTree(all);
    expect(root!.bureau.name).toBe('河北省财政厅');
    expect(root!.children.map((c) => c.bureau.name)).toEqual(['张家口市财政局', '保定市财政局']);
    expect(root!.children[0]!.children.map((c) => c.bureau.name)).toEqual(['怀来县财政局', '怀安县财政局']);
  });

  it('gives a bureau with everything under it, and nothing for an unknown one', () => {
    expect(subtree(all, 2).map((x) => x.id)).toEqual([2, 3, 4]);
    expect(subtree(all, 4).map((x) => x.id)).toEqual([4]);
    expect(subtree(all, 99)).toEqual([]);
  });
});
