/**
 * How an actual value (实际值) is read as it is typed, against its row's target: the number and
 * unit (or the band of a grade) and how far it reaches the target — the same completion rules
 * monitoring and the self-evaluation score by (src/core/actuals/completion.ts).
 */
import { completionOf, type Completion } from '../../core/actuals/completion.ts';
import { fixed } from '../../core/model/decimal.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import type { Messages } from '../../i18n/index.ts';

export interface ActualReading {
  state: 'empty' | 'ok' | 'notComparable';
  /** "16 张 · 完成 106.67% · 达成" */
  text: string;
  met: boolean | null;
}

export function readActual(value: string, target: string, m: Messages): ActualReading {
  if (value.trim() === '') return { state: 'empty', text: m.web.actuals.reading.empty, met: null };
  const c: Completion = completionOf(parseTargetValue(target), value, { exactPartialCredit: 'proportional' });
  const r = m.web.actuals.reading;
  switch (c.kind) {
    case 'notComparable':
      return { state: 'notComparable', text: r.notComparable[c.reason] ?? c.reason, met: null };
    case 'qualitative':
      return { state: 'ok', text: r.band(m.monitoring.bands[c.band]), met: c.met };
    case 'quantitative': {
      const actual = parseTargetValue(value);
      const unit = actual.kind === 'quantitative' ? actual.unit : '';
      const ratio = c.ratio === null ? null : fixed(c.ratio.times(100));
      return { state: 'ok', text: r.quantity(c.actual, unit, ratio, c.met), met: c.met };
    }
  }
}
