/**
 * The self-evaluation forms of one or more units as an XLSX workbook or a Word document: jixiao's own
 * 自评表 with the 部门整体 summary, or with `profile` (a 自评表 profile) each project's form as that
 * province prints it.
 */
import type { DepartmentEvaluation } from '../../core/evaluation/department.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { messages } from '../../i18n/index.ts';
import { PROFILE_KEYWORD } from '../publication/profile-form.ts';
import { formsDocument } from '../report-grid/docx.ts';
import { formsWorkbook } from '../report-grid/xlsx.ts';
import { evaluationForms } from './forms.ts';

export interface EvaluationReportOptions {
  /** A `selfEvaluation` profile the forms are printed in; absent: jixiao's own (财预〔2020〕10号). */
  profile?: FormProfile;
}

export const writeEvaluationXlsx = (units: readonly DepartmentEvaluation[], options: EvaluationReportOptions = {}): Promise<Uint8Array> =>
  formsWorkbook(evaluationForms(units, options.profile));

export const writeEvaluationDocx = (units: readonly DepartmentEvaluation[], options: EvaluationReportOptions = {}): Promise<Uint8Array> => {
  const { profile } = options;
  return profile === undefined
    ? formsDocument(evaluationForms(units), messages().evaluation.report.title)
    : formsDocument(evaluationForms(units, profile), profile.title, `${PROFILE_KEYWORD}${profile.id}`);
};
