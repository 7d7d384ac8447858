/**
 * A project's 事前绩效评估报告 as a Word document, in the parts the local 办法 give the report (see
 * docs/ex-ante.md): 一、评估对象基本情况; 二、综合评估情况与评估结论 — (一)…(五) the five points, each
 * with its findings and score, (六) the overall conclusion with the total; 三、相关建议; then who
 * assessed and when. Set in the publication's look (../docx/style.ts).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { inWan } from '../../core/actuals/budget.ts';
import { SECTION_IDS, SECTION_POINTS, totalScore, type ExAnteAssessment } from '../../core/ex-ante/assessment.ts';
import type { Project } from '../../core/model/document.ts';
import { messagesFor, type Locale } from '../../i18n/index.ts';
import { PAGE, documentDefaults, paragraphStyles } from '../docx/style.ts';

export interface ExAnteReport {
  project: Project;
  /** The unit as registered (the document's unit). */
  unitName: string;
  assessment: ExAnteAssessment;
}

const body = (text: string) => text.split('\n').map((line) => new Paragraph({ style: 'BodyText', children: [new TextRun(line)] }));
const heading = (text: string, level: 1 | 2) =>
  new Paragraph({ style: `Heading${level}`, alignment: AlignmentType.LEFT, children: [new TextRun(text)] });

export async function writeExAnteDocx(report: ExAnteReport, locale: Locale = 'zh-CN'): Promise<Uint8Array> {
  const m = messagesFor(locale).exAnte;
  const r = m.report;
  const { project, assessment: a } = report;
  const filled = (text: string) => (text.trim() === '' ? r.none : text);
  // 万元 as written ("5.00"), or converted from 元.
  const budget = project.amountUnit === '万元' ? project.budget.total : (inWan(project.budget.total, '元')?.toString() ?? null);
  const basics: [string, string][] = [
    [r.project, project.name],
    [r.code, project.code],
    [r.unit, report.unitName],
    [r.budget, budget ?? r.none],
    [r.attribute, project.attribute ?? r.none],
    [r.useOfFunds, filled(project.useOfFunds)],
    [r.goals, filled(project.goals.map((g) => g.text).join('\n'))],
  ];
  const children: Paragraph[] = [
    new Paragraph({ style: 'Title', children: [new TextRun(r.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(project.name)] }),
    heading(r.basics, 2),
    ...basics.flatMap(([label, text]) => body(`${label}：${text}`)),
    heading(r.assessment, 2),
  ];
  SECTION_IDS.forEach((id, i) => {
    const section = a[id];
    children.push(
      heading(r.sectionHeading(r.numerals[i]!, m.sections[id]), 2),
      ...body(filled(section.finding)),
      ...body(r.scoreLine(section.score ?? r.unscored, SECTION_POINTS)),
    );
  });
  children.push(
    heading(r.overall(r.numerals[SECTION_IDS.length]!), 2),
    ...body(r.overallText(a.conclusion === null ? r.noConclusion : m.conclusions[a.conclusion], totalScore(a).toString())),
    heading(r.suggestions, 2),
    ...body(filled(a.suggestions)),
    ...body(r.assessorLine(m.assessorKinds[a.assessor.kind], filled(a.assessor.name), a.date ?? r.none)),
  );
  const document = new Document({
    creator: 'jixiao',
    title: `${r.title} ${project.name}`,
    styles: { default: documentDefaults, paragraphStyles },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
