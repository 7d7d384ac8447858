/** An approval notice as a file: the whole notice, or the 批复表 of the documents given, in Word or PDF. */
import type { FormProfile } from '../../core/forms/profile.ts';
import { messages } from '../../i18n/index.ts';
import { formSheets, noticeSheets, type CoveredDocument, type NoticeHead } from './sheets.ts';

export type NoticeFormat = 'docx' | 'pdf';
export const NOTICE_FORMATS: readonly NoticeFormat[] = ['docx', 'pdf'];

export interface NoticeFileRequest {
  head: NoticeHead;
  docs: readonly CoveredDocument[];
  /** The whole notice (cover and every 批复表), or only the documents' 批复表. */
  whole: boolean;
  format: NoticeFormat;
  profile?: FormProfile;
}

export async function writeNoticeFile(r: NoticeFileRequest): Promise<Uint8Array> {
  const sheets = r.whole ? noticeSheets(r.head, r.docs, r.profile) : r.docs.flatMap((d) => formSheets(r.head, d, r.profile));
  const f = messages().notices.form;
  const title = r.whole ? f.fileName(r.head.number, r.head.title) : f.formFileName(r.head.number, r.docs[0]?.unitName ?? '');
  // Only the writer asked for is loaded (each loads a large library).
  if (r.format === 'docx') return (await import('../docx/write-docx.ts')).writeFormSheetsDocx(sheets, title);
  return (await import('../pdf/write-pdf.ts')).writeFormSheetsPdf(sheets, title);
}
