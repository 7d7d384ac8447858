/**
 * A family learned from published history, proposed as a library entry (来源 历史学得): its levels,
 * name and unit as peers write them, the direction they write most and their typical target. It is
 * only proposed: a bureau approves or refuses it like a unit's application.
 */
import { OPERATOR_DIRECTION } from '../target-value/target-value.ts';
import { mostCommon } from './distribution.ts';
import type { LibraryEntry } from './entry.ts';
import type { Family } from './families.ts';
import type { Field } from './fields.ts';

export function learnedEntry(family: Family, id: string, field: Field): LibraryEntry {
  const operator = mostCommon(family.targets.operators);
  return {
    id,
    level1: family.level1,
    level2: family.level2,
    level3: family.label,
    description: '',
    unit: family.unit === '' ? null : family.unit,
    direction: operator === null ? null : OPERATOR_DIRECTION[operator],
    target: family.typical,
    explanation: null,
    method: null,
    dataSource: null,
    field,
    source: { kind: 'learned', reference: null },
    status: { state: 'proposed', reason: null },
  };
}
