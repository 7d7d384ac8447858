import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sum } from '../../core/model/decimal.ts';
import type { NumberedItem, TargetDocument } from '../../core/model/document.ts';
import { ImportError } from '../import-error.ts';
import { readPublishedText } from './read.ts';
import { writePublishedText } from './write.ts';

const SEED_PATH = resolve(import.meta.dirname, '../../../samples/huailai-sifaju-2020.txt');
const seedBytes = readFileSync(SEED_PATH);
const seedText = seedBytes.toString('utf8');
const read = (text: string | Uint8Array, year?: number) =>
  readPublishedText(text, { fileName: 'seed.txt' }, year === undefined ? {} : { year });

describe('the seed (怀来县司法局 2020)', () => {
  const docs = read(seedBytes);
  const doc = docs[0]!;

  it('imports as one document of unit 315002 怀来县司法局 for 2020', () => {
    expect(docs).toHaveLength(1);
    expect(doc.unit).toEqual({ code: '315002', name: '怀来县司法局' });
    expect(doc.year).toBe(2020);
  });

  it('matches the committed JSON, which was read line by line against the source', () => {
    const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, 'seed.expected.json'), 'utf8')) as TargetDocument[];
    expect(docs).toEqual(expected);
  });

  it('reads the department part: overall goal, 5 sub-goals, 5 safeguards, the first with （一）（二） in one paragraph', () => {
    const d = doc.department!;
    expect(d.overallGoal).toMatch(/^2020年我局在县委县政府领导下，.*做出了积极努力。$/);
    expect(d.subGoals.map((g) => g.label)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(d.subGoals[4]).toEqual({ label: '五、', text: '加强机关后勤保障。', children: [] });
    expect(d.safeguards).toHaveLength(5);
    expect(d.safeguards[0]).toEqual({
      label: '一、',
      text: '强化人民调解，在社会矛盾化解上取得新成效。',
      children: [{ label: '（一）', text: '是务实调解组织基础，（二）是不断提升人民调解队伍素质。', children: [] }],
    });
    expect(d.safeguards.slice(1).every((s) => s.children.length === 0)).toBe(true);
  });

  it('keeps every paragraph of the department part verbatim: each item is its label and text, as published', () => {
    const part1 = seedText.slice(seedText.indexOf('一、总体绩效目标'), seedText.indexOf('第二部分')).split('\n');
    const published = part1.filter((l) => l !== '' && !l.includes(' TC '));
    const d = doc.department!;
    const items = (list: readonly NumberedItem[]): string[] => list.flatMap((i) => [i.label + i.text, ...items(i.children)]);
    expect([d.overallGoal, ...items(d.subGoals), ...items(d.safeguards)]).toEqual(published);
  });

  it('keeps every line of the whole sample verbatim: written back from what is read, each one is there again', () => {
    const written = new Set(writePublishedText(docs).split('\n'));
    // Word's TC field lines are headings the writer prints from the structure, with its own field codes;
    // the export's first line starts with a stray space.
    const lost = seedText
      .split('\n')
      .map((l) => l.replace(/^ /, ''))
      .filter((l) => !l.includes(' TC ') && !written.has(l));
    expect(lost).toEqual([]);
  });

  it('reads the 6 projects with their codes and budgets, 91.10 万元 in all', () => {
    expect(doc.projects.map((p) => p.code)).toEqual([
      '315-0105-JBN-2D9U',
      '315-0103-YBN-UP1C',
      '315-0103-YBN-TSVA',
      '315-0103-YBN-W3GC',
      '315-0101-JBN-GXGK',
      '315-0103-JBN-NGVM',
    ]);
    expect(doc.projects.map((p) => p.budget.total)).toEqual(['5.00', '4.10', '39.00', '20.00', '15.00', '8.00']);
    expect(doc.projects.map((p) => p.budget.fiscal)).toEqual(['5.00', '4.10', '39.00', '20.00', '15.00', '8.00']);
    expect(doc.projects.every((p) => p.budget.other === null && p.budget.sources.length === 0)).toBe(true);
    expect(sum(doc.projects.map((p) => p.budget.total)).toFixed(2)).toBe('91.10');
    expect(doc.projects.every((p) => p.amountUnit === '万元')).toBe(true);
    expect(doc.projects.every((p) => p.unit.code === '315002' && p.unit.name === '怀来县司法局')).toBe(true);
    expect(doc.projects[1]!.name).toBe('冀财政法[2019]19号河北省财政厅关于提前下达2020年社区矫正补助资金的通知');
  });

  it('reads every spending plan', () => {
    const plans = doc.projects.map((p) => p.spendingPlan.map((c) => `${c.checkpoint}=${c.percent}`).join(' '));
    const row = (a: string, b: string) => `3月底=${a} 6月底=${b} 10月底=75.00 12月底=100.00`;
    expect(plans).toEqual([
      row('20.00', '50.00'),
      row('25.00', '50.00'),
      row('25.00', '50.00'),
      row('25.00', '50.00'),
      row('15.00', '40.00'),
      row('15.00', '45.00'),
    ]);
  });

  it('reads every goal, without its numbering', () => {
    expect(doc.projects.map((p) => p.goals.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(doc.projects[1]!.goals).toEqual([
      { term: 'annual', text: '深化人民调解、社区矫正和安置帮教工作，' },
      { term: 'annual', text: '最大限度降低重新违法犯罪和社会不稳定因素发生率。' },
    ]);
    expect(doc.projects[4]!.goals.map((g) => g.text)).toEqual([
      '制作宣传展板，人口密集地方悬挂摆放宣传标语、宣传横幅',
      '对工作人员及群众进行法制培训',
    ]);
  });

  it('reads 32 indicator rows (6/3/5/6/6/6), filling an empty 一级 from the row above', () => {
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([6, 3, 5, 6, 6, 6]);
    const first = doc.projects[0]!.indicators;
    expect(first.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '效果指标', '效果指标', '满意度指标', '满意度指标']);
    expect(first[1]).toEqual({
      term: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      level3: '',
      description: '群众收益率',
      target: '100',
      basis: '受益率',
      remark: '',
    });
    expect(first[5]!.target).toBe('');
    expect(doc.projects[4]!.indicators[0]!.target).toBe('≥15张');
    expect(doc.projects[1]!.indicators[2]!.basis).toBe('冀财政法【2019】19号');
  });

  it('keeps every text exactly as the source writes it', () => {
    for (const p of doc.projects) {
      for (const s of [
        p.name,
        p.useOfFunds,
        ...p.goals.map((g) => g.text),
        ...p.indicators.flatMap((i) => [i.description, i.target, i.basis]),
      ]) {
        expect(seedText).toContain(s);
      }
    }
  });
});

describe('encodings and line endings', () => {
  const expected = read(seedText);
  const utf16 = (bigEndian: boolean) => {
    const le = Buffer.from(`\uFEFF${seedText}`, 'utf16le');
    if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return new Uint8Array(le);
  };

  it('reads UTF-8 with a BOM', () => {
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]))).toEqual(expected);
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(read(utf16(false))).toEqual(expected);
    expect(read(utf16(true))).toEqual(expected);
  });
  it('reads CRLF and CR line endings', () => {
    expect(read(seedText.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(read(seedText.replace(/\n/g, '\r'))).toEqual(expected);
  });
  it('reads a string with a BOM', () => {
    expect(read(`\uFEFF${seedText}`)).toEqual(expected);
  });
});

describe('the year', () => {
  it('can be overridden by the caller', () => {
    expect(read(seedText, 2021)[0]!.year).toBe(2021);
  });
  it('prefers a title that states unit and year over the years mentioned in the text', () => {
    const docs = read(`315002怀来县司法局2021年预算绩效目标\n\n${seedText}`);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.year).toBe(2021);
    expect(docs[0]!.unit).toEqual({ code: '315002', name: '怀来县司法局' });
  });
  it('is null when the document never says it', () => {
    const text = seedText.replace(/2020年/g, '本年');
    expect(read(text)[0]!.year).toBeNull();
  });
});

/** The import error a broken copy of the seed raises. */
function errorOf(text: string): ImportError {
  try {
    read(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('no ImportError was thrown');
}
const lines = seedText.split('\n');
const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
const withoutLine = (n: number) => lines.filter((_, i) => i !== n - 1).join('\n');

describe('unreadable input', () => {
  it('names file, line and field for a non-number in 预算数', () => {
    const e = errorOf(withLine(43, '\t五元'));
    expect(e.location).toEqual({ file: 'seed.txt', line: 43, field: '预算数' });
    expect(e.message).toBe('seed.txt 第 43 行 字段「预算数」：“五元”不是数字');
  });
  it('rejects a spending plan whose percentages miss a cell', () => {
    const e = errorOf(withoutLine(60));
    expect(e.location).toMatchObject({ line: 58, field: '资金支出计划（%）' });
    expect(e.reason).toContain('4 个时点');
  });
  it('reads blank cells spilling past the last checkpoint and its percentage as no checkpoint', () => {
    const spilled = lines.flatMap((l, i) => (i === 55 || i === 61 ? [l, '\t'] : [l])).join('\n');
    expect(read(spilled)).toEqual(read(seedText));
  });
  it('rejects a blank checkpoint between others, naming its line', () => {
    const e = errorOf(withLine(54, '\t'));
    expect(e.location).toMatchObject({ line: 54, field: '资金支出计划（%）' });
    expect(e.reason).toBe('资金支出计划的时点为空：每个比例都要写明时点（如“3月底”）');
  });
  it('rejects a percentage that is not a number', () => {
    expect(errorOf(withLine(60, '\t一半')).location).toMatchObject({ line: 60, field: '资金支出计划（%）' });
  });
  it('rejects an indicator row with a cell missing', () => {
    const e = errorOf(withoutLine(88));
    expect(e.location).toMatchObject({ line: 84, field: '绩效指标' });
    expect(e.reason).toBe('这一行应有 6 格，实际有 5 格');
  });
  it('rejects an unknown row in a table', () => {
    expect(errorOf(withLine(64, '\t项目负责人')).location).toMatchObject({ line: 64 });
  });
  it('does not take a cell named like an object property for a label', () => {
    expect(errorOf(withLine(64, '\tconstructor')).reason).toBe('无法识别的表格行“constructor”');
    expect(errorOf(withLine(72, '\ttoString')).location).toMatchObject({ line: 72, field: '指标表头' });
  });
  it('rejects an unknown indicator column', () => {
    expect(errorOf(withLine(72, '\t权重')).location).toMatchObject({ line: 72, field: '指标表头' });
  });
  it('rejects an amount unit other than 万元 or 元', () => {
    expect(errorOf(withLine(34, '\t单位：美元')).location).toMatchObject({ line: 34, field: '金额单位' });
  });
  it('rejects text that is not a performance-target document', () => {
    expect(errorOf('关于召开年度工作会议的通知\n\n各科室：\n').location).toMatchObject({ line: 1 });
    expect(errorOf('').location).toMatchObject({ line: 1, field: '文件' });
  });
  it('rejects a project heading with no table under it', () => {
    const cut = lines.slice(0, 32).join('\n');
    expect(errorOf(cut).location).toMatchObject({ line: 32, field: '项目绩效目标表' });
  });
  it('rejects stray text in part 2', () => {
    const text = seedText.replace('预算项目绩效目标\n', '预算项目绩效目标\n说明：以下为各项目绩效目标。\n');
    expect(errorOf(text).location).toMatchObject({ line: 32 });
  });
});
