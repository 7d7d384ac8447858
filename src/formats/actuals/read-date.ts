/** Reads the dates people type in an actuals file: 2020-06-30, 2020/6/30, 2020.6.30, 2020年6月30日, 20200630. */
import { isoDate, type IsoDate } from '../../core/actuals/calendar.ts';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function readDate(text: string): IsoDate | null {
  const s = text.normalize('NFKC').trim();
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
