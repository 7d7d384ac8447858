import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../../library/families.ts';
import { observationsOf } from '../../library/observation.ts';
import { peerRangesFor } from '../../library/peer-range.ts';
import type { TargetDocument } from '../../model/document.ts';
import { aDocument, aProject, findingsOf, withRow } from '../testing.ts';

const own = { code: '315002', name: '怀来县司法局' };

/** Peers' documents: each unit's 法律援助 project with its 结案率 target (row 2 of the clean table). */
function peers(targets: readonly string[], units = targets.length): TargetDocument[] {
  return targets.map((target, i) => {
    const unit = { code: `9${i % units}`, name: `第${i % units}县司法局` };
    const project = aProject({ unit });
    project.indicators[1] = { ...project.indicators[1]!, target };
    return aDocument({ unit, year: 2020, projects: [project] });
  });
}
/** The peers' ranges for the clean document, whose unit is `own`; only its rows' families are read. */
const ranges = (docs: readonly TargetDocument[]) => peerRangesFor(aDocument(), groupFamilies(docs.flatMap((d) => observationsOf(d))));

describe('appropriateness.off-family', () => {
  const five = ranges(peers(['≥90%', '≥92%', '95%', '≥96%', '≥98%']));

  it('is silent without peers, and for targets within the peers’ range widened by its spread', () => {
    expect(findingsOf('appropriateness.off-family', aDocument())).toEqual([]);
    expect(findingsOf('appropriateness.off-family', aDocument(), { peers: five })).toEqual([]);
    // [90, 98] widened by 8: 82 and 106 are still in.
    for (const target of ['≥82%', '≥100%'])
      expect(findingsOf('appropriateness.off-family', withRow({ target }, 1), { peers: five }), target).toEqual([]);
  });

  it('reports a target far off, citing the peers’ range', () => {
    const found = findingsOf('appropriateness.off-family', withRow({ target: '≥60%' }, 1), { peers: five });
    expect(found.map((f) => [f.indicatorIndex, f.severity, f.message])).toEqual([
      [
        2,
        'info',
        '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值"≥60%"远离同类指标的取值：5 个单位的 5 个指标值在 90%–98% 之间。',
      ],
    ]);
  });

  it('reads a bare number on a rate as the percentage it is', () => {
    expect(findingsOf('appropriateness.off-family', withRow({ target: '≥60' }, 1), { peers: five })).toHaveLength(1);
  });

  it('takes a tenth of the value as the margin where all peers agree', () => {
    const same = ranges(peers(['≥90%', '≥90%', '≥90%', '≥90%', '≥90%']));
    expect(findingsOf('appropriateness.off-family', withRow({ target: '≥85%' }, 1), { peers: same })).toEqual([]);
    expect(findingsOf('appropriateness.off-family', withRow({ target: '≥80%' }, 1), { peers: same })).toHaveLength(1);
  });

  it('needs five peer targets from three units, and the unit is no peer of itself', () => {
    const off = withRow({ target: '≥60%' }, 1);
    expect(findingsOf('appropriateness.off-family', off, { peers: ranges(peers(['≥90%', '≥92%', '≥95%', '≥96%'])) })).toEqual([]);
    expect(findingsOf('appropriateness.off-family', off, { peers: ranges(peers(['≥90%', '≥92%', '≥95%', '≥96%', '≥98%'], 2)) })).toEqual(
      [],
    );
    const withOwn = ranges([...peers(['≥90%', '≥92%', '≥95%', '≥96%']), ...peers(['≥98%']).map((d) => ({ ...d, unit: own }))]);
    expect(findingsOf('appropriateness.off-family', off, { peers: withOwn })).toEqual([]);
  });
});
