import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeResultsXlsx } from './write.ts';

describe('results report workbook', () => {
  it('writes one row per project, amounts as numbers and "—" where there is no result', async () => {
    const bytes = await writeResultsXlsx('怀来县财政局', 2020, [
      {
        unitName: '怀来县司法局',
        projectCode: '315-0105-JBN-2D9U',
        projectName: '普法宣传',
        budget: '12.50',
        selfScore: '92.10',
        selfGrade: '优',
        evaluationScore: null,
        evaluationGrade: null,
        nextBudget: null,
        openRectifications: 1,
        action: '保持或增加',
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('结果应用')!;
    expect(sheet.getCell(1, 1).value).toBe('2020 年度评价结果应用表');
    const texts = (row: number) => Array.from({ length: 11 }, (_, i) => sheet.getCell(row, i + 1).value);
    expect(texts(3)).toContain('2021 年预算申请数');
    expect(texts(4)).toEqual(['怀来县司法局', '315-0105-JBN-2D9U', '普法宣传', 12.5, '92.10', '优', '—', '—', '—', '1', '保持或增加']);
  });
});
