import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewDocument } from '../../core/review/engine.ts';
import { aDocument } from '../../core/review/testing.ts';
import { writePublishedText } from '../../formats/text/write.ts';
import { runCli } from '../run-cli.testing.ts';

const SEED = 'samples/huailai-sifaju-2020.txt';
const FIXTURES = 'src/formats/text/fixtures';

interface JsonFinding {
  file?: string;
  ruleId: string;
  severity: string;
  projectCode: string | null;
  indicatorIndex: number | null;
  field: string;
  message: string;
  suggestion: string;
}

// Each test starts the real command; on a loaded two-core machine that takes a while.
describe('jixiao check', { timeout: 90_000 }, () => {
  it('prints the seed’s findings as a Chinese table with a summary, and exits 1 for its errors', async () => {
    const r = await runCli(['check', SEED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`文件：${SEED}`);
    expect(r.stdout).toContain('单位：315002 怀来县司法局　年度：2020');
    expect(r.stdout).toContain('级别/规则');
    expect(r.stdout).toMatch(/项目数 6，指标数 32；错误 \d+，警告 \d+，提示 \d+/);
  });

  it('prints JSON findings with the documented keys, the same as the review engine finds', async () => {
    const r = await runCli(['check', SEED, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    expect(Object.keys(findings[0]!)).toEqual(['ruleId', 'severity', 'projectCode', 'indicatorIndex', 'field', 'message', 'suggestion']);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    const row = findings.find((f) => f.indicatorIndex !== null)!;
    expect(row.indicatorIndex).toBeGreaterThanOrEqual(1);
  });

  it('reviews another province’s form as that form: 宁德’s 部门整体 table, its "1" against a 90% standard found, no basis asked of it', async () => {
    const r = await runCli(['check', 'src/formats/tables/fixtures/fujian-ningde-department/page.html', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(findings.filter((f) => f.ruleId === 'consistency.percent-standard').map((f) => [f.indicatorIndex, f.field])).toEqual([
      [4, 'department.indicators.target'],
      [5, 'department.indicators.target'],
    ]);
    expect(findings.map((f) => f.ruleId)).not.toContain('completeness.empty-basis');
  });

  it('says which statements of a 自评表 still hold the template’s instructions (青神: 评价结论, 存在问题 …)', async () => {
    const r = await runCli(['check', 'src/formats/tables/fixtures/sichuan-qingshen-self-evaluation/page.html', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(findings.filter((f) => f.ruleId === 'evaluation.instructionLeft').map((f) => f.field)).toEqual([
      'evaluation.statements.results',
      'evaluation.statements.conclusion',
      'evaluation.statements.problems',
      'evaluation.statements.improvements',
      'evaluation.statements.budgetAnalysis',
    ]);
  });

  it('exits 0 and says so on a clean document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const file = join(dir, 'clean.txt');
    expect(reviewDocument(aDocument())).toEqual([]);
    writeFileSync(file, writePublishedText([aDocument()]));
    const r = await runCli(['check', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未发现问题。');
    expect(r.stdout).toMatch(/错误 0，警告 0，提示 0/);
  });

  it('checks a folder, keeps going past an unreadable file, reports it with its line, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const bad = join(dir, 'bad.txt');
    const lines = readFileSync(SEED, 'utf8').split('\n');
    lines.splice(87, 1); // an indicator row loses its 指标值 cell
    writeFileSync(bad, lines.join('\n'));
    const r = await runCli(['check', FIXTURES, bad, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad} 第 84 行 字段「绩效指标」：这一行应有 6 格，实际有 5 格`);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(new Set(findings.map((f) => f.file)).size).toBeGreaterThan(5);
    expect(findings.every((f) => typeof f.file === 'string' && f.file.startsWith(FIXTURES))).toBe(true);
  });

  it('reports a file cut off inside a table as unreadable, with its line, and exits 2', async () => {
    const cut = join(mkdtempSync(join(tmpdir(), 'jixiao-')), 'cut.txt');
    writeFileSync(cut, readFileSync(SEED).subarray(0, 1657));
    const r = await runCli(['check', cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cut} 第 37 行 字段「项目绩效目标表」：文件在表格中途结束`);
  });

  it('sums up per file and in total when given several files', async () => {
    const r = await runCli(['check', SEED, `${FIXTURES}/part2-only.txt`]);
    expect(r.stdout).toContain(`文件：${FIXTURES}/part2-only.txt`);
    expect(r.stdout).toMatch(/项目数 1，指标数 4；/);
    expect(r.stdout).toMatch(/合计 2 个文件：项目数 7，指标数 36；/);
  });

  it('checks another province’s forms, as a saved web page and as an old Excel file, saying which form each is', async () => {
    const folder = 'src/formats/tables/fixtures/hunan-xiangtan-declaration';
    const r = await runCli(['check', `${folder}/page.html`, `${folder}/form.xls`]);
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(r.stdout).toContain(`文件：${folder}/page.html`);
    expect(r.stdout).toContain(`文件：${folder}/form.xls`);
    expect(r.stdout).toContain('单位：湘潭市环境卫生管理处　年度：2023');
    expect(r.stderr).toContain(`${folder}/form.xls：按湖南省湘潭市「项目支出绩效目标申报表」表样（hunan-xiangtan）读取`);
  });

  it('rejects an unknown output format', async () => {
    const r = await runCli(['check', SEED, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出格式应为 table 或 json');
  });
});
