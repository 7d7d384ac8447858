/**
 * Rough text measures for deciding where Word may break a page, before any layout (the PDF measures
 * with its own font: ../pdf/text-lines.ts): Chinese and full-width characters an em wide, others half
 * (Times New Roman's Latin letters and digits are about that on average), lines broken anywhere, a
 * line 1.44 em high (the Noto CJK faces' line, which Word and LibreOffice give 宋体 where it stands in
 * for it). Rough either way: callers leave room to spare.
 */

/** Full-width: CJK ideographs and punctuation, kana, hangul, full-width forms. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export const LINE_EMS = 1.44;

/** How many lines the text takes in a box `width` points wide at `size` points ("\n" breaks a line). */
export function lineCount(text: string, width: number, size: number): number {
  // Whole characters: a line holds as many as fit.
  const perLine = Math.max(1, Math.floor((2 * width) / size + 1e-6) / 2);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let x = 0;
    let n = 1;
    for (const c of paragraph) {
      const w = WIDE.test(c) ? 1 : 0.5;
      if (x + w > perLine + 1e-6) {
        n++;
        x = 0;
      }
      x += w;
    }
    lines += n;
  }
  return lines;
}

/** The text's height in points, in a box `width` points wide at `size` points. */
export const textHeight = (text: string, width: number, size: number): number => lineCount(text, width, size) * size * LINE_EMS;
