/**
 * Names printed with their code in one cell: "51000021R000000019951-工资性支出" (四川), "(433001)乌海市
 * 供销合作社联合社" (乌海), "[301001]四川省教育厅". Anything else is a name without a code.
 */
const CODE_DASH_NAME = /^([0-9A-Za-z]{3,})\s*[-－—–]\s*(\S.*)$/su;
const BRACKETED_CODE_NAME = /^[(（[【]\s*([0-9A-Za-z]+)\s*[)）\]】]\s*(\S.*)$/su;

export function splitCodeName(text: string): { code: string | null; name: string } {
  const t = text.trim();
  const m = CODE_DASH_NAME.exec(t) ?? BRACKETED_CODE_NAME.exec(t);
  // A leading year ("2023-…") or date is part of a name, not a code.
  if (m === null || /^\d{4}$/.test(m[1]!)) return { code: null, name: t };
  return { code: m[1]!.normalize('NFKC'), name: m[2]!.trim() };
}
