/**
 * How the two basis rules read a 指标值确定依据: a basis names a source (plan, standard, history,
 * document); one that names none either restates the indicator or says nothing of where the value
 * comes from.
 */
import type { RowContext } from '../context.ts';
import { BASIS_SOURCE, comparable, MEASURE_NOUN } from '../terms.ts';

export type BasisReading = 'empty' | 'source' | 'restatement' | 'unsourced';

export function readBasis(context: RowContext): BasisReading {
  const basis = comparable(context.indicator.basis);
  if (basis === '') return 'empty';
  if (BASIS_SOURCE.test(basis)) return 'source';
  return MEASURE_NOUN.test(basis) || comparable(context.wording).includes(basis) ? 'restatement' : 'unsourced';
}
