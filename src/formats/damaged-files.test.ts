/**
 * The boundary where a library's failure inside a damaged container becomes the file's error: the
 * DOCX and XLSX readers' libraries (mocked here to fail as a damaged ZIP or workbook makes them) throw
 * their own errors; readDocumentFile and the actuals reader report an ImportError naming the file.
 */
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readActualsFile } from './actuals/read-actuals.ts';
import { ImportError } from './import-error.ts';
import { readDocumentFile } from './read-document.ts';

vi.mock('./docx/read-docx.ts', () => ({
  readDocx: () => {
    throw new RangeError('invalid distance too far back');
  },
}));
vi.mock('exceljs', () => ({
  default: {
    Workbook: class {
      xlsx = { load: async () => undefined };
      get worksheets() {
        return [
          {
            name: 'Sheet1',
            columnCount: 1,
            eachRow: () => {
              throw new TypeError("Cannot read properties of undefined (reading 'sharedString')");
            },
          },
        ];
      }
    },
  },
}));

const zip = (name: string) => zipSync({ [name]: new TextEncoder().encode('<x/>') });

describe('a damaged container', () => {
  it('is an ImportError naming the file when a DOCX library fails', async () => {
    const read = readDocumentFile(zip('word/document.xml'), '目标.docx');
    await expect(read).rejects.toBeInstanceOf(ImportError);
    await expect(read).rejects.toThrow('目标.docx：文件已损坏或不是有效的 Word 文档（.docx）：invalid distance too far back');
  });

  it('is an ImportError naming the file when the workbook library fails on an actuals file', async () => {
    const read = readActualsFile(zip('xl/workbook.xml'), '实际值.xlsx', []);
    await expect(read).rejects.toBeInstanceOf(ImportError);
    await expect(read).rejects.toThrow('实际值.xlsx：文件已损坏或不是有效的 Excel 工作簿（.xlsx）');
  });
});
