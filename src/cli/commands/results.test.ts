import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../server/demo.ts';
import { openStore } from '../../store/database.ts';
import { ROOT, runCli } from '../run-cli.testing.ts';

describe('jixiao results', { timeout: 180_000 }, () => {
  it('writes the demo county’s results report as XLSX; an unknown bureau is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-results-'));
    const data = join(dir, 'data');
    const store = await openStore({ dataDir: data });
    await seedDemoIfEmpty(store, ROOT);
    await store.close();

    const out = join(dir, 'results.xlsx');
    const written = await runCli(['results', '--data', data, '--bureau', '130730', '--year', '2020', '--out', out]);
    expect(written.stderr).toContain(`已导出 19 个项目到 ${out}。`);
    expect(written.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('结果应用')!;
    expect(sheet.getCell(1, 1).value).toBe('2020 年度评价结果应用表');
    const actions: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) actions.push(row.getCell(11).value);
    });
    expect(actions).toContain('保持或增加');

    const unknown = await runCli(['results', '--data', data, '--bureau', '999', '--year', '2020']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有编码为 999 的财政部门。');
  });
});
