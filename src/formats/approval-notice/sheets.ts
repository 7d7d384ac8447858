/**
 * What an approval notice prints (docs/approval-notices.md), as sheets for the DOCX and PDF writers
 * (../publication/form-sheet.ts). The 批复表 of a project follows the published 批复表 (东莞市财政项目
 * 支出绩效目标批复表, docs/forms/README.md): the form's title, the year, the notice's 文号 and date, the
 * 预算单位, then the project's targets as the bureau's form profile prints them (its budget in the
 * table's unit, 万元 as the form has it). The whole notice opens with its cover: title, 文号, text, the
 * table of the units covered with their projects and budget in 万元 (exact, converted from 元 where a
 * table is in 元), and the issuing bureau and date; then every covered project's 批复表.
 */
import { inWan } from '../../core/actuals/budget.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { dec, Decimal } from '../../core/model/decimal.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';
import type { FormSheet } from '../publication/form-sheet.ts';
import { formRows } from '../publication/profile-form.ts';
import { cellsAt, label, row, value, type FormRow } from '../publication/project-form.ts';

export interface NoticeHead {
  number: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  year: number;
  body: string;
  bureauName: string;
  /** Set once withdrawn: printed on the cover. */
  withdrawnReason: string | null;
}

export interface CoveredDocument {
  /** The unit as registered. */
  unitName: string;
  content: TargetDocument;
}

const m = () => messages().notices.form;

/** The 批复表 of each of a document's projects. */
export function formSheets(head: NoticeHead, doc: CoveredDocument, profile?: FormProfile): FormSheet[] {
  const f = m();
  return doc.content.projects.map((project) => ({
    title: f.formTitle,
    subtitles: [f.formYear(head.year), f.numberLine(head.number, f.date(head.date))],
    paragraphs: [],
    above: [f.unitLine(doc.unitName)],
    rows: formRows(project, profile),
    closing: [],
  }));
}

/** A document's budget in 万元, exact: the sum of its projects' 预算数. */
export function budgetInWan(doc: TargetDocument): Decimal {
  return doc.projects.reduce((sum, p) => sum.plus(inWan(p.budget.total, p.amountUnit) ?? dec('0')), dec('0'));
}

const COVER_EDGES = [0, 90, 640, 790, 1000];

function coverRows(docs: readonly CoveredDocument[]): FormRow[] {
  const t = m().coverTable;
  const rows = [row(cellsAt(COVER_EDGES, [label(t.index), label(t.unit), label(t.projects), label(t.budget)]), { header: true })];
  let total = new Decimal(0);
  let projects = 0;
  docs.forEach((d, i) => {
    const budget = budgetInWan(d.content);
    total = total.plus(budget);
    projects += d.content.projects.length;
    rows.push(
      row(
        cellsAt(COVER_EDGES, [
          value(String(i + 1)),
          value(d.unitName, 'left'),
          value(String(d.content.projects.length)),
          value(budget.toString(), 'right'),
        ]),
      ),
    );
  });
  rows.push(row(cellsAt(COVER_EDGES, [label(''), label(t.total), value(String(projects)), value(total.toString(), 'right')])));
  return rows;
}

/** The whole notice: its cover, then every covered project's 批复表. */
export function noticeSheets(head: NoticeHead, docs: readonly CoveredDocument[], profile?: FormProfile): FormSheet[] {
  const f = m();
  const forms = docs.flatMap((d) => formSheets(head, d, profile));
  const cover: FormSheet = {
    title: head.title,
    subtitles: [head.number],
    paragraphs: [
      ...head.body.split('\n').filter((l) => l.trim() !== ''),
      ...(head.withdrawnReason === null ? [] : [f.withdrawn(head.withdrawnReason)]),
      f.attachment(forms.length),
    ],
    above: [f.coverHeading],
    rows: coverRows(docs),
    closing: [f.issuer(head.bureauName, f.date(head.date))],
  };
  return [cover, ...forms];
}
