import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../../core/evaluation/department.ts';
import { readDocuments } from '../../formats/read-document.ts';
import { runCli, runOnSeedYear, SEED, SEED_ACTUALS } from '../run-cli.testing.ts';

const evaluate = (...args: string[]) => runOnSeedYear('evaluate', ...args);

// Each spawn starts the whole CLI under tsx (seconds on a loaded two-core machine).
describe('jixiao evaluate', { timeout: 120_000 }, () => {
  it("prints per project the execution rate, each indicator's points and score, the total and the grade as JSON", async () => {
    const r = await evaluate('--format', 'json');
    expect(r.code).toBe(1); // two unmet indicators lack their analysis (see seeded-year.test.ts)
    const [unit] = JSON.parse(r.stdout) as (DepartmentEvaluation & { file: string })[];
    expect(unit!.file).toBe(SEED);
    expect(unit!.projects.map((p) => [p.projectCode, p.budget.rate, p.total, p.grade])).toEqual([
      ['315-0105-JBN-2D9U', '100.00', '100.00', '优'],
      ['315-0103-YBN-UP1C', '90.00', '98.40', '优'],
      ['315-0103-YBN-TSVA', '90.00', '64.00', '中'],
      ['315-0103-YBN-W3GC', '100.00', '92.00', '优'],
      ['315-0101-JBN-GXGK', '90.00', '97.33', '优'],
      ['315-0103-JBN-NGVM', '75.00', '91.75', '优'],
    ]);
    const e = unit!.projects[4]!;
    expect(e.indicators.map((i) => [i.points, i.score])).toEqual([
      ['25.00', '25.00'],
      ['25.00', '25.00'],
      ['30.00', '28.33'],
      ['0.00', '0.00'],
      ['5.00', '5.00'],
      ['5.00', '5.00'],
    ]);
    expect(unit).toMatchObject({ score: '81.60', grade: '良', budget: '91.10', spent: '83.29', rate: '91.43' });
  });

  it('prints Chinese tables with the department summary and the findings', async () => {
    const r = await evaluate();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('共 6 个项目，按预算加权平均得分 81.60，等级 良');
    expect(r.stdout).toContain('等级分布：优 5 个，良 0 个，中 1 个，差 0 个');
    expect(r.stdout).toMatch(/315-0101-JBN-GXGK.*90\.00%.*9\.00.*88\.33.*97\.33.*优/);
    expect(r.stdout).toContain('evaluation.missingExplanation');
  });

  it('counts only actuals up to --at', async () => {
    const r = await evaluate('--at', '2020-06-30', '--format', 'json');
    const [unit] = JSON.parse(r.stdout) as DepartmentEvaluation[];
    // By 6月30日 the legal-aid project had spent 2.50 of 5.00 and recorded no indicator values.
    expect(unit!.projects[0]!.budget).toMatchObject({ spent: '2.50', rate: '50.00', score: '5.00' });
    expect(unit!.projects[0]!.findings.filter((f) => f.ruleId === 'evaluation.missingActual')).toHaveLength(5);
  });

  it('writes the 自评表 as DOCX and XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-evaluate-'));
    const docx = join(dir, '自评表.docx');
    expect((await evaluate('-o', docx)).code).toBe(1);
    const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!);
    expect(xml).toContain('项目支出绩效自评表');
    expect(xml).toContain('评价等级：中');
    const xlsx = join(dir, 'out.data');
    expect((await evaluate('--to', 'xlsx', '-o', xlsx)).code).toBe(1);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 2 when the targets cannot be read', async () => {
    const r = await runCli(['evaluate', 'no-such-file.txt', '--actuals', SEED_ACTUALS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.txt');
  });

  it('evaluates a 自评表 by the figures it reports when no actuals file is given, and asks for one otherwise', async () => {
    const form = 'src/formats/tables/fixtures/sichuan-qingshen-self-evaluation/page.html';
    const r = await runCli(['evaluate', form, '--format', 'json']);
    const [unit] = JSON.parse(r.stdout) as DepartmentEvaluation[];
    // 青神 printed its 预算执行数 (251.89 of 251.89) but left every 完成值 and its 评价结论 as the template's instructions.
    expect(unit!.projects[0]!.budget).toMatchObject({ adjusted: '251.89', spent: '251.89', rate: '100.00' });
    expect(new Set(unit!.findings.map((f) => f.ruleId))).toEqual(new Set(['evaluation.missingActual', 'evaluation.instructionLeft']));
    expect(r.code).toBe(1);
    const targets = await runCli(['evaluate', SEED]);
    expect(targets.code).toBe(2);
    expect(targets.stderr).toContain('--actuals');
  });

  it('prints the 自评表 in a province’s profile with --profile, which the table reader reads back as that form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-evaluate-'));
    const form = 'src/formats/tables/fixtures/sichuan-qingshen-self-evaluation/page.html';
    const out = join(dir, '自评表.docx');
    expect((await runCli(['evaluate', form, '--profile', 'sichuan-self-evaluation', '-o', out])).code).toBe(1);
    const read = await readDocuments(readFileSync(out), out);
    expect(read.profile?.id).toBe('sichuan-self-evaluation');
    const published = await readDocuments(readFileSync(form), form);
    expect(read.documents).toEqual(published.documents);
    // The 预算执行数 青神 reported, scored: 10 of 10.
    expect(read.actuals?.projects[0]).toMatchObject({ adjustedBudget: '251.89', evaluation: [{ index: null, score: '10.00' }, {}, {}] });

    // Only a 自评表 profile: a target table's is refused, saying which there are.
    const wrong = await runCli(['evaluate', form, '--profile', 'hebei-2020', '-o', out]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('没有自评表表样“hebei-2020”：应为 sichuan-self-evaluation');
  });
});
