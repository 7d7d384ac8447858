/**
 * Numbered paragraphs as Chinese documents write them: "一、", "（一）", "1、", "1.", "（1）", "①".
 * A paragraph is one item, numbered by the label it starts with. Items that follow each other on one
 * line ("（一）是…，（二）是…") stay one item: the published wording, its separators and its one
 * paragraph, is what every export prints again, so a number inside the text is never cut out of it.
 */
import type { NumberedItem } from '../../core/model/document.ts';

interface Label {
  /** The label as written, e.g. "（一）". */
  text: string;
  /** What makes two labels siblings: the numeral kind and its punctuation, e.g. "（cn）". */
  style: string;
}

const LABEL =
  /^(?:([一二三四五六七八九十]{1,3})([、.．])|([（(])([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})([）)])|([0-9０-９]{1,2})([、.．])(?![0-9０-９])|([①-⑳]))/;

function readLabel(s: string): Label | null {
  const m = LABEL.exec(s);
  if (m === null) return null;
  if (m[1] !== undefined) return { text: m[0], style: `cn${m[2]}` };
  if (m[4] !== undefined) return { text: m[0], style: `${m[3]}${/^[一二三四五六七八九十]+$/.test(m[4]) ? 'cn' : 'n'}${m[5]}` };
  if (m[6] !== undefined) return { text: m[0], style: `n${m[7]}` };
  return { text: m[0], style: 'circled' };
}

/** A paragraph as its leading label and the text after it; a space after the label is layout, as in "1. 细则". */
function readParagraph(paragraph: string): { label: Label | null; text: string } {
  const trimmed = paragraph.trim();
  const label = readLabel(trimmed);
  return label === null ? { label: null, text: trimmed } : { label, text: trimmed.slice(label.text.length).trim() };
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
    const { label, text } = readParagraph(paragraph);
    if (label === null) {
      const last = deepestLast();
      if (last === undefined) {
        top.push({ label: '', text, children: [] });
        levels.length = 0;
        levels.push({ style: '', items: top });
      } else last.text = last.text === '' ? text : `${last.text}\n${text}`;
      continue;
    }
    const item: NumberedItem = { label: label.text, text, children: [] };
    const depth = levels.findIndex((l) => l.style === label.style);
    if (depth >= 0) {
      levels.length = depth + 1;
      levels[depth]!.items.push(item);
    } else {
      const parent = deepestLast();
      const items = parent === undefined ? top : parent.children;
      items.push(item);
      levels.push({ style: label.style, items });
    }
  }
  return top;
}

/** Goal statements without their numbering; an unnumbered paragraph continues the goal before it. */
export function readGoalTexts(paragraphs: readonly string[]): string[] {
  const goals: string[] = [];
  for (const paragraph of paragraphs) {
    const { label, text } = readParagraph(paragraph);
    if (label === null && goals.length > 0) goals[goals.length - 1] += `\n${text}`;
    else goals.push(text);
  }
  return goals;
}
