/** The bureau list (province → city → county) as a tree: a bureau's own subtree, and the nodes antd's Tree draws. */
import type { Bureau } from '../api/types.ts';

export interface BureauNode {
  key: number;
  bureau: Bureau;
  children: BureauNode[];
}

/** The bureaus as nested nodes, each level in the order the list gives. */
export function bureauTree(all: readonly Bureau[]): BureauNode[] {
  const nodes = new Map(all.map((b) => [b.id, { key: b.id, bureau: b, children: [] as BureauNode[] }]));
  const roots: BureauNode[] = [];
  for (const b of all) {
    const node = nodes.get(b.id)!;
    const parent = b.parentId === null ? undefined : nodes.get(b.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** A bureau and every bureau under it, depth first. */
export function subtree(all: readonly Bureau[], rootId: number): Bureau[] {
  const find = (nodes: BureauNode[]): BureauNode | undefined => {
    for (const n of nodes) {
      if (n.key === rootId) return n;
      const below = find(n.children);
      if (below) return below;
    }
    return undefined;
  };
  const root = find(bureauTree(all));
  const out: Bureau[] = [];
  const walk = (n: BureauNode) => {
    out.push(n.bureau);
    n.children.forEach(walk);
  };
  if (root) walk(root);
  return out;
}
