import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnitMonitoring } from '../../core/monitoring/monitor.ts';
import { runCli, runOnSeedYear, SEED } from '../run-cli.testing.ts';

const monitor = (...args: string[]) => runOnSeedYear('monitor', ...args);

// Each spawn starts the whole CLI under tsx (seconds on a loaded two-core machine).
describe('jixiao monitor', { timeout: 120_000 }, () => {
  it('3月底: a Chinese table with lights, and exit 1 for the two unexplained yellow projects', async () => {
    const r = await monitor('--at', '2020-03-31');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('单位：315002 怀来县司法局　年度：2020　截至：2020-03-31');
    expect(r.stdout).toMatch(/315-0103-YBN-TSVA.*10\.00%.*25\.00%.*15\.00.*黄灯/);
    expect(r.stdout).toContain('monitoring.missingExplanation');
    expect(r.stdout).toContain('绿灯 3 个，黄灯 3 个，红灯 0 个');
  });

  it('10月底 as JSON: the core result per unit with its file; explained red lights exit 0', async () => {
    const r = await monitor('--at', '2020/10/31', '--format', 'json');
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout) as (UnitMonitoring & { file: string })[];
    expect(units).toHaveLength(1);
    expect(units[0]!.file).toBe(SEED);
    expect(units[0]!.date).toBe('2020-10-31');
    expect(units[0]!.lights).toEqual({ green: 3, yellow: 1, red: 2 });
    const d = units[0]!.projects.find((p) => p.projectCode === '315-0103-YBN-W3GC')!;
    expect(d.execution).toMatchObject({ rate: '75.00', planned: '75.00', shortfall: '0.00', light: 'green' });
    expect(d.light).toBe('red');
    expect(d.indicators[0]).toMatchObject({ progress: '60.00', explanation: { likelihood: 'impossible' } });
  });

  it('writes the 监控表 as XLSX (format from the extension) and as DOCX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-monitor-'));
    const xlsx = join(dir, '监控表.xlsx');
    const r = await monitor('--at', '2020-06-30', '-o', xlsx);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已写入 ${xlsx}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)[0]).toBe('监控汇总');
    expect(wb.worksheets).toHaveLength(7);
    const docx = join(dir, 'monitoring.bin');
    expect((await monitor('--at', '2020-06-30', '--to', 'docx', '-o', docx)).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 2, naming the line and column, for an actuals file that does not match the targets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-monitor-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '项目编码,指标序号,实际值,日期,说明\n315-0105-JBN-2D9U,9,96,2020-12-31,\n');
    const r = await runCli(['monitor', SEED, '--actuals', bad, '--at', '2020-06-30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad} 第 2 行 字段「指标序号」：指标序号“9”不在 1–6 之间`);
  });

  it('exits 2 for a bad date, a missing option or an export without a path', async () => {
    expect((await monitor('--at', '2020-13-01')).code).toBe(2);
    expect((await runCli(['monitor', SEED, '--at', '2020-06-30'])).code).toBe(2);
    const noPath = await monitor('--at', '2020-06-30', '--to', 'xlsx');
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toContain('导出需要用 -o 指定文件路径');
  });

  it('speaks English with --lang en', async () => {
    const r = await monitor('--at', '2020-03-31', '--lang', 'en');
    expect(r.stdout).toContain('3 green, 3 yellow, 0 red');
  });
});
