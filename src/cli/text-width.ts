/**
 * Display width for terminal tables: CJK characters take two columns. cli-table3 measures
 * widths correctly but cuts long CJK cells, so cells are wrapped here before they go in.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export const charWidth = (c: string): number => (WIDE.test(c) ? 2 : 1);

/** Breaks text into lines of at most `width` columns (keeping existing line breaks). */
export function wrapToWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const c of paragraph) {
      const w = charWidth(c);
      if (used + w > width && line !== '') {
        out.push(line);
        line = '';
        used = 0;
      }
      line += c;
      used += w;
    }
    out.push(line);
  }
  return out.join('\n');
}
