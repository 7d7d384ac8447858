/** The monitoring forms of one or more units as an XLSX workbook or a Word document. */
import type { UnitMonitoring } from '../../core/monitoring/monitor.ts';
import { messages } from '../../i18n/index.ts';
import { formsDocument } from '../report-grid/docx.ts';
import { formsWorkbook } from '../report-grid/xlsx.ts';
import { monitoringForms } from './forms.ts';

export const writeMonitoringXlsx = (units: readonly UnitMonitoring[]): Promise<Uint8Array> => formsWorkbook(monitoringForms(units));

export const writeMonitoringDocx = (units: readonly UnitMonitoring[]): Promise<Uint8Array> =>
  formsDocument(monitoringForms(units), messages().monitoring.report.title);
