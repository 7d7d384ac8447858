import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentXml, readBody } from '../docx/docx-body.ts';
import { seedDocuments } from '../publication/fixtures.testing.ts';
import { budgetInWan, noticeSheets } from './sheets.ts';
import { writeNoticeFile } from './write.ts';

const seed = seedDocuments()[0]!;
const head = {
  number: '怀财绩〔2020〕3号',
  title: '关于批复2020年度部门预算绩效目标的通知',
  date: '2020-03-02',
  year: 2020,
  body: '现将你单位2020年度项目支出绩效目标批复如下。\n请严格按照批复的绩效目标组织实施。',
  bureauName: '怀来县财政局',
  withdrawnReason: null,
};
const docs = [{ unitName: '怀来县司法局', content: seed }];

const paragraphsOf = (bytes: Uint8Array) =>
  readBody(documentXml(bytes, 'notice.docx')!)!.flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : b.rows.flat().map((c) => c.paragraphs.join('\n')),
  );

describe('批复通知 and 批复表', () => {
  it('adds the budget in 万元 exactly, from 元 tables too', () => {
    const inYuan = {
      ...seed,
      projects: seed.projects.map((p) => ({ ...p, amountUnit: '元' as const, budget: { ...p.budget, total: '12345' } })),
    };
    expect(budgetInWan(inYuan).toString()).toBe(String(1.2345 * seed.projects.length));
    const [cover] = noticeSheets(head, [{ unitName: '甲', content: inYuan }]);
    const total = cover!.rows.at(-1)!.cells.at(-1)!.paragraphs[0];
    expect(total).toBe(budgetInWan(inYuan).toString());
  });

  it('prints the cover (文号, text, units covered, issuer) and one 批复表 per project with the notice head', async () => {
    const sheets = noticeSheets(head, docs);
    expect(sheets).toHaveLength(1 + seed.projects.length);
    const text = paragraphsOf(await writeNoticeFile({ head, docs, whole: true, format: 'docx' }));
    expect(text[0]).toBe(head.title);
    expect(text).toContain(head.number);
    expect(text).toContain('现将你单位2020年度项目支出绩效目标批复如下。');
    expect(text).toContain(`附件：项目支出绩效目标批复表（${seed.projects.length}张）`);
    expect(text.filter((t) => t === '项目支出绩效目标批复表')).toHaveLength(seed.projects.length);
    expect(text).toContain('批复文号：怀财绩〔2020〕3号　　批复日期：2020年3月2日');
    expect(text).toContain('预算单位：怀来县司法局');
    expect(text).toContain(seed.projects[0]!.name);
  });

  it('writes the 批复表 alone as a PDF with the head and the project rows', async () => {
    const bytes = await writeNoticeFile({ head, docs, whole: false, format: 'pdf' });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'notice-'));
    writeFileSync(join(dir, 'f.pdf'), bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    } catch {
      throw new Error('pdftotext is missing: install poppler-utils');
    }
    expect(text).toContain('项目支出绩效目标批复表');
    expect(text).toContain('怀财绩〔2020〕3号');
    expect(text).toContain('预算单位：怀来县司法局');
    expect(text).toContain(seed.projects[0]!.code);
  });
});
