/**
 * The demo county's indicator library, so the library page shows every state on first start: the
 * national 财政部 framework entries, a few entries learned from the seed document's real rows
 * (怀来县司法局 2020: its 产出 indicators with a unit of measure, such as 办理法律援助案件结案率)
 * approved in the county's library, and one application of 怀来县司法局 waiting for a decision.
 */
import { FRAMEWORK_2021_ENTRIES, groupFamilies, learnedEntry, observationsOf } from '../core/library/index.ts';
import type { TargetDocument } from '../core/model/document.ts';
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { importLibrary } from '../store/library/import.ts';
import { proposeEntry } from '../store/library/workflow.ts';

/** Learned entries the demo approves: enough to fill a page's first rows, not the whole seed. */
const LEARNED = 4;

export async function seedDemoLibrary(
  store: Store,
  actor: Actor,
  county: { id: number; code: string },
  unit: { id: number },
  seed: TargetDocument | undefined,
): Promise<void> {
  await importLibrary(store.db, actor, null, FRAMEWORK_2021_ENTRIES);
  if (seed !== undefined) {
    const learned = groupFamilies(observationsOf(seed))
      .filter((f) => f.level1.startsWith('产出') && f.unit !== '')
      .slice(0, LEARNED)
      .map((f, i) => ({
        ...learnedEntry(f, `${county.code}-learned-${i + 1}`, 'justice'),
        status: { state: 'approved' as const, reason: null },
      }));
    await importLibrary(store.db, actor, county.id, learned);
  }
  await proposeEntry(
    store.db,
    actor,
    { unitId: unit.id, bureauId: county.id },
    {
      level1: '产出指标',
      level2: '质量指标',
      level3: '12348法律援助专线接通率',
      description: '12348 法律援助热线来电中接通的比例',
      unit: '%',
      direction: 'higher',
      target: '≥95%',
      explanation: null,
      method: '接通来电数 / 来电总数 × 100%',
      dataSource: '12348 热线平台',
      field: 'justice',
    },
  );
}
