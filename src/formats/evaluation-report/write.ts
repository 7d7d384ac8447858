/** The self-evaluation forms of one or more units as an XLSX workbook or a Word document. */
import type { DepartmentEvaluation } from '../../core/evaluation/department.ts';
import { messages } from '../../i18n/index.ts';
import { formsDocument } from '../report-grid/docx.ts';
import { formsWorkbook } from '../report-grid/xlsx.ts';
import { evaluationForms } from './forms.ts';

export const writeEvaluationXlsx = (units: readonly DepartmentEvaluation[]): Promise<Uint8Array> => formsWorkbook(evaluationForms(units));

export const writeEvaluationDocx = (units: readonly DepartmentEvaluation[]): Promise<Uint8Array> =>
  formsDocument(evaluationForms(units), messages().evaluation.report.title);
