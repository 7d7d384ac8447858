/**
 * Names printed with their code in one cell: "51000021R000000019951-工资性支出" (四川), "(433001)乌海市
 * 供销合作社联合社" (乌海), "[301001]四川省教育厅". Anything else is a name without a code. A code may
 * hold dashes itself ("305-0185-YBN-9E6Q-法律援助"): the last dash before the name ends it.
 */
const CODE_DASH_NAME = /^([0-9A-Za-z]{3,}(?:-[0-9A-Za-z]+)*)\s*[-－—–]\s*(\S.*)$/su;
/** A leading year or date ("2023-…", "2023-05-…") is part of a name, not a code. */
const YEAR_OR_DATE = /^\d{4}(?:-\d{1,2}){0,2}$/;
const BRACKETED_CODE_NAME = /^[(（[【]\s*([0-9A-Za-z]+)\s*[)）\]】]\s*(\S.*)$/su;

export function splitCodeName(text: string): { code: string | null; name: string } {
  const t = text.trim();
  const m = CODE_DASH_NAME.exec(t) ?? BRACKETED_CODE_NAME.exec(t);
  if (m === null || YEAR_OR_DATE.test(m[1]!)) return { code: null, name: t };
  return { code: m[1]!.normalize('NFKC'), name: m[2]!.trim() };
}
