/**
 * Numbered paragraphs as Chinese documents write them: "一、", "（一）", "1、", "1.", "（1）", "①".
 * Items may follow each other on one line ("（一）是…，（二）是…"), so a paragraph is split where the
 * next number of the same style follows; the numbers must run on (1, 2, 3 …), which keeps "第2、3条"
 * or a date inside the text from being taken for a label.
 */
import type { NumberedItem } from '../../core/model/document.ts';

const CN_DIGITS = '一二三四五六七八九';

export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens - 1]}十${ones === 0 ? '' : CN_DIGITS[ones - 1]}`;
}

function fromChinese(s: string): number {
  const i = s.indexOf('十');
  if (i < 0) return CN_DIGITS.indexOf(s) + 1;
  const tens = i === 0 ? 1 : CN_DIGITS.indexOf(s[0]!) + 1;
  const ones = i === s.length - 1 ? 0 : CN_DIGITS.indexOf(s[i + 1]!) + 1;
  return tens * 10 + ones;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

interface Label {
  /** The label as written, e.g. "（一）". */
  text: string;
  /** What makes two labels siblings: the numeral kind and its punctuation, e.g. "（cn）". */
  style: string;
  n: number;
}

const LABEL =
  /^(?:([一二三四五六七八九十]{1,3})([、.．])|([（(])([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})([）)])|([0-9０-９]{1,2})([、.．])(?![0-9０-９])|([①-⑳]))/;
const arabic = (digits: string) => Number(digits.normalize('NFKC'));

function readLabel(s: string): Label | null {
  const m = LABEL.exec(s);
  if (m === null) return null;
  if (m[1] !== undefined) return { text: m[0], style: `cn${m[2]}`, n: fromChinese(m[1]) };
  if (m[4] !== undefined) {
    const cn = /^[一二三四五六七八九十]+$/.test(m[4]);
    return { text: m[0], style: `${m[3]}${cn ? 'cn' : 'n'}${m[5]}`, n: cn ? fromChinese(m[4]) : arabic(m[4]) };
  }
  if (m[6] !== undefined) return { text: m[0], style: `n${m[7]}`, n: arabic(m[6]) };
  return { text: m[0], style: 'circled', n: CIRCLED.indexOf(m[8]!) + 1 };
}

/** The label that would follow `l` in the same style: "（一）" → "（二）", "1、" → "2、". */
function nextLabel(l: Label): string {
  const n = l.n + 1;
  if (l.style === 'circled') return CIRCLED[n - 1] ?? '\u0000';
  const cn = chineseNumber(n);
  if (l.style.startsWith('cn')) return cn + l.style.slice(2);
  if (l.style.startsWith('n')) return `${n}${l.style.slice(1)}`;
  const open = l.style[0]!;
  const close = l.style[l.style.length - 1]!;
  return `${open}${l.style.slice(1, -1) === 'cn' ? cn : n}${close}`;
}

export interface Segment {
  label: Label | null;
  text: string;
}

const SEPARATOR_BEFORE_NEXT = /[，,；;、\s]+$/;

/** Splits one paragraph into its numbered items (the first may be unnumbered text). */
export function splitParagraph(paragraph: string): Segment[] {
  const label = readLabel(paragraph);
  if (label === null) return [{ label: null, text: paragraph.trim() }];
  const segments: Segment[] = [];
  let current = label;
  let rest = paragraph.slice(label.text.length);
  for (;;) {
    const next = nextLabel(current);
    const at = rest.indexOf(next);
    if (at < 0) {
      segments.push({ label: current, text: rest.trim() });
      return segments;
    }
    segments.push({ label: current, text: rest.slice(0, at).replace(SEPARATOR_BEFORE_NEXT, '').trim() });
    current = { ...current, text: next, n: current.n + 1 };
    rest = rest.slice(at + next.length);
  }
}

/**
 * Paragraphs to a tree of numbered items: a label of a style already in use is a sibling at that
 * depth; a new style nests under the last item; an unnumbered paragraph continues the last item.
 */
export function readNumberedItems(paragraphs: readonly string[]): NumberedItem[] {
  const top: NumberedItem[] = [];
  const levels: { style: string; items: NumberedItem[] }[] = [];
  const deepestLast = (): NumberedItem | undefined => {
    const level = levels[levels.length - 1];
    return level?.items[level.items.length - 1];
  };
  for (const paragraph of paragraphs) {
    for (const segment of splitParagraph(paragraph)) {
      if (segment.label === null) {
        const last = deepestLast();
        if (last === undefined) {
          const item = { label: '', text: segment.text, children: [] };
          top.push(item);
          levels.length = 0;
          levels.push({ style: '', items: top });
        } else last.text = last.text === '' ? segment.text : `${last.text}\n${segment.text}`;
        continue;
      }
      const item: NumberedItem = { label: segment.label.text, text: segment.text, children: [] };
      const depth = levels.findIndex((l) => l.style === segment.label!.style);
      if (depth >= 0) {
        levels.length = depth + 1;
        levels[depth]!.items.push(item);
      } else {
        const parent = deepestLast();
        const items = parent === undefined ? top : parent.children;
        items.push(item);
        levels.push({ style: segment.label.style, items });
      }
    }
  }
  return top;
}

/** Goal statements without their numbering; an unnumbered paragraph continues the goal before it. */
export function readGoalTexts(paragraphs: readonly string[]): string[] {
  const goals: string[] = [];
  for (const paragraph of paragraphs) {
    for (const segment of splitParagraph(paragraph)) {
      if (segment.label === null && goals.length > 0) goals[goals.length - 1] += `\n${segment.text}`;
      else goals.push(segment.text);
    }
  }
  return goals;
}
