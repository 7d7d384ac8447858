/**
 * Full-width forms (Ｕ+FF01 ！ to Ｕ+FF5E ～) as the ASCII they stand for. Chinese input methods
 * type ９５％ as readily as 95%; stored, searched and printed, one spelling of a number is wanted.
 * Chinese punctuation in prose (，。（）) is left alone: only the forms a caller names change.
 */
const shift = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

export const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;

/** The characters numbers are written with: digits, %, comparison signs, a point or dash between digits. */
const NUMBER_FORMS = /[０-９％＞＜＝＋]|(?<=[0-9０-９])[．－](?=[0-9０-９])/g;

export const toHalfWidth = (s: string, forms: RegExp = FULL_WIDTH_ASCII): string => s.replace(forms, shift);

/** A 指标值 is no prose: every full-width form, and the ideographic space, becomes ASCII. */
export const halfWidthTarget = (s: string): string => toHalfWidth(s).replace(/\u3000/g, ' ');

/** In prose, only how numbers are written changes: "结案率达到９５％。" → "结案率达到95%。". */
export const halfWidthNumbers = (s: string): string => toHalfWidth(s, NUMBER_FORMS);
