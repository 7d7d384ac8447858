/**
 * Tables that run over pages, as printed: the PDF export, and the Word exports (project form, 自评表,
 * 监控表) as LibreOffice prints them. Read page by page from the rendered PDF: every page a table goes on
 * to starts with its header row and shows the 一级 label of the rows on it (a group is never cut without
 * its labels), no page is left empty, each page's part of the table is closed by a line at its foot,
 * and the published sentences are all there. The pages are kept as PNG in test-output/renders.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { monitorDocument } from '../../core/monitoring/monitor.ts';
import { readActualsFile } from '../actuals/read-actuals.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { writeEvaluationDocx } from '../evaluation-report/write.ts';
import { writeMonitoringDocx } from '../monitoring-report/write.ts';
import { writePdf } from '../pdf/write-pdf.ts';
import { longTableDocuments } from './fixtures.testing.ts';
import { docxToPdf, endsWithRule, keepRender, pdfPages, pdfPageTexts } from './render.testing.ts';

const FONTCONFIG = resolve(import.meta.dirname, '../docx/reference/fonts.conf');
const ACTUALS = resolve(import.meta.dirname, '../actuals/fixtures/huailai-2020-actuals.csv');
const PUBLISHED = '（一）是务实调解组织基础，（二）是不断提升人民调解队伍素质。';
const LEVEL1 = ['产出指标', '效果指标', '满意度指标'];
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Rendering takes LibreOffice some seconds. */
const SLOW = 180_000;

interface Printed {
  pdf: Uint8Array;
  /** Whether a page starts a form (its title or project block): the pages after it, up to the next, continue its table. */
  startsForm: (page: string) => boolean;
}

/** The pages that continue a form's table, 1-based, and the pages before each of them. */
function continuationPages(texts: readonly string[], startsForm: Printed['startsForm']): number[] {
  const first = texts.findIndex((t) => startsForm(squeeze(t)));
  expect(first).toBeGreaterThanOrEqual(0);
  return texts.flatMap((t, i) => (i > first && !startsForm(squeeze(t)) ? [i + 1] : []));
}

function checkPages(name: string, printed: Printed) {
  const texts = pdfPageTexts(printed.pdf);
  const pages = pdfPages(printed.pdf, 50, 1, texts.length);
  pages.forEach((png, i) => keepRender(png, `${name}-page${String(i + 1).padStart(2, '0')}.png`));
  // 一级 wide enough for its longest label: 满意度指标 on one line, never 满意度指 / 标.
  const lines = texts
    .join('\n')
    .split('\n')
    .map((l) => l.trim());
  expect(lines.filter((l) => l.includes('满意度指')).every((l) => l.includes('满意度指标'))).toBe(true);
  expect(lines.some((l) => l.includes('满意度指标'))).toBe(true);
  const continued = continuationPages(texts, printed.startsForm);
  // The fixture's tables run over pages: there is something to check.
  expect(continued.length).toBeGreaterThanOrEqual(2);
  for (const page of continued) {
    const text = squeeze(texts[page - 1]!);
    expect(text.replace(/—\d+—/, ''), `page ${page} is empty`).not.toBe('');
    expect(text, `page ${page} starts without the header row`).toContain('一级指标');
    expect(
      LEVEL1.some((l) => text.includes(l)),
      `page ${page} holds rows without their 一级 label`,
    ).toBe(true);
  }
  // The table is closed at the foot of each page it goes on from, and of each page it goes on to.
  const open = [...new Set(continued.flatMap((p) => [p - 1, p]))].filter((p) => !endsWithRule(pages[p - 1]!));
  expect(open, 'pages whose table is left open at the foot').toEqual([]);
  return texts.join('');
}

const docs = (): TargetDocument[] => longTableDocuments();
const codes = (d: readonly TargetDocument[]) => d[0]!.projects.map((p) => p.code);

describe('tables over pages, as printed', () => {
  it(
    'PDF: header rows on every page, groups moved whole or cut with their labels printed again, tables closed, sentences intact',
    async () => {
      const d = longTableDocuments({ tallGroup: true });
      const text = checkPages('pdf-project-forms', {
        pdf: await writePdf(d),
        startsForm: (page) => codes(d).some((c) => page.includes(c)),
      });
      expect(squeeze(text)).toContain(PUBLISHED);
      for (const i of d[0]!.projects[0]!.indicators) expect(squeeze(text)).toContain(squeeze(i.description));
    },
    SLOW,
  );

  it(
    'Word: the header row repeated on every page, each 一级 group kept on one page, tables closed, sentences intact',
    async () => {
      const d = docs();
      const text = checkPages('docx-project-forms', {
        pdf: docxToPdf(await writeDocx(d), FONTCONFIG),
        startsForm: (page) => codes(d).some((c) => page.includes(c)),
      });
      expect(squeeze(text)).toContain(PUBLISHED);
    },
    SLOW,
  );

  it(
    '自评表 in Word: the header row repeated, groups kept whole, tables closed',
    async () => {
      const d = docs();
      const actuals = await readActualsFile(readFileSync(ACTUALS), 'a.csv', d);
      checkPages('docx-evaluation', {
        pdf: docxToPdf(await writeEvaluationDocx([evaluateDocument(d[0]!, actuals)]), FONTCONFIG),
        startsForm: (page) => page.includes('项目支出绩效自评表') || page.includes('部门整体绩效自评汇总表'),
      });
    },
    SLOW,
  );

  it(
    '监控表 in Word: the header row repeated, groups kept whole, tables closed, the 财政资金 row filled',
    async () => {
      const d = docs();
      const actuals = await readActualsFile(readFileSync(ACTUALS), 'a.csv', d);
      const text = checkPages('docx-monitoring', {
        pdf: docxToPdf(await writeMonitoringDocx([monitorDocument(d[0]!, actuals, '2020-10-31')]), FONTCONFIG),
        startsForm: (page) => page.includes('项目支出绩效运行监控表') || page.includes('绩效运行监控（截至'),
      });
      expect(squeeze(text)).toContain('其中：财政资金');
    },
    SLOW,
  );
});
