import { strToU8, unzipSync, zipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { annualRow } from '../../core/model/indicator.testing.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { ImportError } from '../import-error.ts';
import { importFailure } from '../import-error.testing.ts';
import { LAYOUT_VARIATIONS, generatedDocuments, seedDocuments } from '../publication/fixtures.testing.ts';
import { readDocumentFile } from '../read-document.ts';
import { readPublishedText } from '../text/read.ts';
import { readDocx } from './read-docx.ts';
import { docxOf, PLAN_ROWS, paragraph, table, tcHeading, wordMadeDocx } from './word-made.testing.ts';
import { writeDocx as write } from './write-docx.ts';

/** The text importer's fixtures: layouts of real published documents. */
const TEXT_FIXTURES = resolve(import.meta.dirname, '../text/fixtures');

/** Round trips do not need the contents' page numbers, which take seconds to lay out. */
const writeDocx = (docs: readonly TargetDocument[]) => write(docs, { contentsPageNumbers: false });

describe('DOCX round trip: readDocx(writeDocx(x)) equals x', () => {
  it('the seed, every field', async () => {
    const seed = seedDocuments();
    expect(seed[0]!.projects).toHaveLength(6);
    expect(readDocx(await writeDocx(seed), 'seed.docx')).toEqual(seed);
  });

  for (const [name, layout] of Object.entries(LAYOUT_VARIATIONS)) {
    it(`generated documents, ${name}: two units in one combined document, and each on its own`, async () => {
      const docs = generatedDocuments(layout);
      expect(readDocx(await writeDocx(docs), `${name}.docx`)).toEqual(docs);
      for (const doc of docs) expect(readDocx(await writeDocx([doc]), `${name}-unit.docx`)).toEqual([doc]);
    });
  }

  for (const fixture of readdirSync(TEXT_FIXTURES).filter((f) => f.endsWith('.txt'))) {
    it(`the published-text fixture ${fixture}`, async () => {
      const docs = readPublishedText(readFileSync(join(TEXT_FIXTURES, fixture)), { fileName: fixture });
      expect(readDocx(await writeDocx(docs), `${fixture}.docx`)).toEqual(docs);
    });
  }

  it('text with line breaks in goals, items and cells keeps them', async () => {
    const [doc] = generatedDocuments({ longTerm: true });
    const project = doc!.projects[0]!;
    const edited: TargetDocument = {
      ...doc!,
      department: { ...doc!.department!, overallGoal: '第一段。\n第二段。' },
      projects: [
        {
          ...project,
          useOfFunds: '用于设备购置。\n用于人员培训。',
          goals: [{ term: 'annual', text: '完成任务。\n确保安全。' }, ...project.goals.slice(1)],
        },
      ],
    };
    expect(readDocx(await writeDocx([edited]), 'breaks.docx')).toEqual([edited]);
  });
});

describe('readDocx on Word-made documents in the published layout', () => {
  it('reads merged 一级 cells, empty "as above" 二级 cells, spans, a unit line above the table, no 其他资金, quarters; skips TC and TOC fields', () => {
    const [doc] = readDocx(wordMadeDocx(), 'word-made.docx');
    expect(doc!.unit).toEqual({ code: '315002', name: '怀来县司法局' });
    expect(doc!.year).toBe(2020);
    expect(doc!.department).toEqual({
      overallGoal: '2020年我局围绕年初制定的各项目标任务，扎实推进各项工作。',
      subGoals: [
        { label: '一、', text: '提高全县人民法律意识和法律素质。', children: [] },
        { label: '二、', text: '加强机关后勤保障。', children: [] },
      ],
      safeguards: [
        {
          label: '一、',
          text: '强化人民调解，在社会矛盾化解上取得新成效。',
          children: [{ label: '（一）', text: '是务实调解组织基础，（二）是不断提升人民调解队伍素质。', children: [] }],
        },
      ],
    });
    const [p] = doc!.projects;
    expect(p).toEqual({
      code: '315-0105-JBN-2D9U',
      name: '法律援助',
      unit: { code: '315002', name: '怀来县司法局' },
      amountUnit: '万元',
      budget: { total: '5.00', fiscal: '5.00', other: null, sources: [] },
      useOfFunds: '指导、检查法律援助的法律法规和政策的执行；\n办理法律援助案件。',
      spendingPlan: [
        { checkpoint: '第一季度', percent: '20.00' },
        { checkpoint: '第二季度', percent: '50.00' },
        { checkpoint: '第三季度', percent: '75.00' },
        { checkpoint: '第四季度', percent: '100.00' },
      ],
      goals: [
        { term: 'annual', text: '组织法律援助的律师，办理法律援助案件。' },
        { term: 'annual', text: '困难群众得到受益。' },
      ],
      indicators: [
        ['产出指标', '数量指标', '办理法律援助案件结案率', '≥95', '冀财政法【2019】19号'],
        ['产出指标', '数量指标', '群众受益率', '100', '受益率'],
        ['产出指标', '时效指标', '案件办结时限', '≤30天', '计划标准'],
        ['效果指标', '社会效益指标', '社会稳定', '≥95', '结案率'],
        ['效果指标', '社会效益指标', '减轻经济压力', '≥10', '受益率'],
        ['满意度指标', '服务对象满意度指标', '服务对象满意率', '≥90', '满意率'],
      ].map(([level1, level2, description, target, basis]) => annualRow(level1!, level2!, description!, target!, basis!)),
      department: null,
      attribute: null,
      period: null,
    });
  });

  it('takes the blank cell that ends both 资金支出计划 rows for the table edge, not a fifth checkpoint', () => {
    const [doc] = readDocx(wordMadeDocx(), 'word-made.docx');
    expect(doc!.projects[0]!.spendingPlan.map((c) => c.checkpoint)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    const planFindings = reviewDocument(doc!).filter((f) => f.field === 'spendingPlan' && f.severity === 'error');
    expect(planFindings).toEqual([]);
  });

  it('is found by content whatever the file is called', async () => {
    const docs = await readDocumentFile(wordMadeDocx(), 'no-extension');
    expect(docs[0]!.projects[0]!.code).toBe('315-0105-JBN-2D9U');
  });
});

describe('readDocx errors name the place and return nothing', () => {
  it('a wrong amount: the table, row and cell, and the field', () => {
    let error: unknown;
    try {
      readDocx(wordMadeDocx('五元'), 'bad.docx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.location).toEqual({ file: 'bad.docx', table: 1, row: 2, column: 3, field: '预算数' });
    expect(e.message).toBe('bad.docx 第 1 个表格 第 2 行 第 3 格 字段「预算数」：“五元”不是数字');
  });

  it('a blank checkpoint between others, with a percentage under it: the cell and the field', async () => {
    const [checkpoints, percents] = PLAN_ROWS;
    const hole = [checkpoints!.map((c, i) => (i === 2 ? '' : c)), percents!];
    const e = await importFailure((async () => readDocx(wordMadeDocx('5.00', hole), 'hole.docx'))());
    expect(e.location).toEqual({ file: 'hole.docx', table: 1, row: 4, column: 3, field: '资金支出计划（%）' });
    expect(e.message).toBe(
      'hole.docx 第 1 个表格 第 4 行 第 3 格 字段「资金支出计划（%）」：资金支出计划的时点为空：每个比例都要写明时点（如“3月底”）',
    );
  });

  it('a percentage in the blank cell past the last checkpoint: the cell and the field', async () => {
    const [checkpoints, percents] = PLAN_ROWS;
    const stray = [checkpoints!, [...percents!.slice(0, -1), { text: '100.00', span: 2 }]];
    const e = await importFailure((async () => readDocx(wordMadeDocx('5.00', stray), 'stray.docx'))());
    expect(e.location).toEqual({ file: 'stray.docx', table: 1, row: 5, column: 6, field: '资金支出计划（%）' });
    expect(e.message).toContain('4 个时点');
  });

  it('a row the form does not have names its table and row', () => {
    const bytes = docxOf(
      tcHeading('1、法律援助绩效目标表', 'C') +
        table([
          ['315002怀来县司法局', '单位：万元'],
          ['项目编码', '315-0105-JBN-2D9U', '项目名称', '法律援助'],
          ['附件说明', '见附件'],
        ]),
    );
    expect(() => readDocx(bytes, 'odd.docx')).toThrow(/odd\.docx 第 1 个表格 第 3 行 第 1 格：无法识别的表格行“附件说明”/);
  });

  it('text that is no target document names its paragraph', () => {
    expect(() => readDocx(docxOf(paragraph('会议纪要') + paragraph('今天开会。')), 'memo.docx')).toThrow(/memo\.docx 第 1 段/);
  });

  it('a file that is not a Word document', () => {
    expect(() => readDocx(strToU8('hello'), 'a.docx')).toThrow('a.docx：不是 Word 文档');
    const otherZip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(() => readDocx(otherZip, 'b.docx')).toThrow('b.docx：不是 Word 文档');
  });

  it('a damaged document.xml', async () => {
    const files = unzipSync(await writeDocx(seedDocuments()));
    files['word/document.xml'] = strToU8('<w:document xmlns:w="urn:x"><w:bo');
    expect(() => readDocx(zipSync(files), 'c.docx')).toThrow(ImportError);
  });
});
