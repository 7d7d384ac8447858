/**
 * A file cut off anywhere — at a line break or inside a character — never reads as if whole: either an
 * ImportError names the line, or what it reads is a document that really ends there (the seed's
 * first k projects, cut where a project table ends and the next heading would begin).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { ImportError } from '../import-error.ts';
import { SEED_FILE } from '../publication/fixtures.testing.ts';
import { readPublishedText } from './read.ts';

const bytes = readFileSync(SEED_FILE);
const [whole] = readPublishedText(bytes, { fileName: 'seed.txt' });

/** Every line boundary (and the bytes beside it), and every 7th byte. */
function cuts(): number[] {
  const at = new Set<number>();
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) for (const d of [-1, 0, 1, 2]) at.add(i + d);
  for (let i = 0; i < bytes.length; i += 7) at.add(i);
  return [...at].filter((n) => n > 0 && n < bytes.length).sort((a, b) => a - b);
}

describe('a cut-off text file', () => {
  it('fails with the line, or reads as the projects that really end where it was cut', () => {
    const accepted = new Set<number>();
    for (const n of cuts()) {
      let docs: TargetDocument[];
      try {
        docs = readPublishedText(bytes.subarray(0, n), { fileName: 'cut.txt' });
      } catch (e) {
        expect(e, `cut at byte ${n}`).toBeInstanceOf(ImportError);
        expect((e as ImportError).location.line, `cut at byte ${n}`).toBeGreaterThan(0);
        continue;
      }
      expect(docs, `cut at byte ${n}`).toHaveLength(1);
      const k = docs[0]!.projects.length;
      expect(docs[0], `cut at byte ${n}`).toEqual({ ...whole, projects: whole!.projects.slice(0, k) });
      accepted.add(k);
    }
    // Each table end is a place a shorter document could end (the last one's is the whole); none before the first project.
    expect([...accepted].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names where the file ends: inside a table, after a heading, before any project', () => {
    const cut = (n: number) => () => readPublishedText(bytes.subarray(0, n), { fileName: 'cut.txt' });
    expect(cut(7057)).toThrow('cut.txt 第 318 行 字段「项目绩效目标表」：文件在表格中途结束');
    expect(cut(1657)).toThrow('cut.txt 第 37 行 字段「项目绩效目标表」：文件在表格中途结束');
    const beforePart2 = bytes.indexOf('第二部分');
    expect(cut(beforePart2)).toThrow('最后一个单位没有任何项目');
    const afterHeading = bytes.indexOf('\t315002', bytes.indexOf('1、法律援助'));
    expect(cut(afterHeading)).toThrow('cut.txt 第 32 行 字段「项目绩效目标表」：项目标题之后没有表格');
  });

  it('refuses a project table without indicator rows, or an indicator header without rows', () => {
    const text = bytes.toString('utf8');
    const firstTable = text.slice(0, text.indexOf('2、冀财政法'));
    const header = firstTable.indexOf('\t一级指标');
    expect(() => readPublishedText(`${firstTable.slice(0, header)}\n`, { fileName: 'a.txt' })).toThrow(
      'a.txt 第 32 行 字段「绩效指标」：项目绩效目标表没有指标行',
    );
    const rows = firstTable.indexOf('\t产出指标', header);
    expect(() => readPublishedText(`${firstTable.slice(0, rows)}\n`, { fileName: 'b.txt' })).toThrow(
      '字段「指标表头」：指标表头之后没有指标行',
    );
  });
});
