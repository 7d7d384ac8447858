import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExchangeJson } from '../../formats/json/exchange.ts';
import { runCli } from '../run-cli.testing.ts';

const SEED = 'samples/huailai-sifaju-2020.txt';
const FIXTURES = 'src/formats/text/fixtures';

// Each test starts the real command; on a loaded two-core machine that takes a while.
describe('jixiao import', { timeout: 90_000 }, () => {
  it('prints the seed as exchange JSON with decimal-string amounts', async () => {
    const r = await runCli(['import', SEED]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const data = JSON.parse(r.stdout);
    expect(data.format).toBe('jixiao.targets');
    expect(data.documents).toHaveLength(1);
    expect(data.documents[0].projects.map((p: { budget: { total: string } }) => p.budget.total)).toEqual([
      '5.00',
      '4.10',
      '39.00',
      '20.00',
      '15.00',
      '8.00',
    ]);
    expect(readExchangeJson(r.stdout, { fileName: 'out.json' })[0]!.projects).toHaveLength(6);
  });

  it('reads a folder of files, recursively and in order, with a year override, into a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jixiao-')), 'county.json');
    const r = await runCli(['import', FIXTURES, SEED, '--year', '2023', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const docs = readExchangeJson(readFileSync(out), { fileName: out });
    // 14 fixture files (one holds 3 units) and the seed.
    expect(docs).toHaveLength(17);
    expect(docs[0]!.unit.name).toBe('蔚县教育局'); // annual-and-long-term.txt sorts first
    expect(docs.at(-1)!.unit.name).toBe('怀来县司法局');
    expect(docs.every((d) => d.year === 2023)).toBe(true);
  });

  it('reads a folder mixing jixiao’s files with other provinces’ forms as web pages, Word and Excel, saying which form each is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const tables = 'src/formats/tables/fixtures';
    copyFileSync(SEED, join(dir, 'a-seed.txt'));
    copyFileSync(join(tables, 'hunan-xiangtan-declaration/page.html'), join(dir, 'b-xiangtan.html'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(tables, 'neimenggu-wuhai-project/form.docx'), join(dir, 'sub/c-wuhai.docx'));
    copyFileSync(join(tables, 'guangdong-dongguan-approval/form.xlsx'), join(dir, 'sub/d-dongguan.xlsx'));
    writeFileSync(join(dir, 'notes.md'), '不是导入文件');
    // The parts a browser saves beside a page are no forms.
    mkdirSync(join(dir, 'b-xiangtan_files'));
    writeFileSync(join(dir, 'b-xiangtan_files/header.htm'), '<html><body><p>页眉</p></body></html>');
    const out = join(dir, 'out.json');
    const r = await runCli(['import', dir, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const docs = readExchangeJson(readFileSync(out), { fileName: out });
    expect(docs.map((d) => d.unit.name)).toEqual([
      '怀来县司法局',
      ...['hunan-xiangtan-declaration', 'neimenggu-wuhai-project', 'guangdong-dongguan-approval'].flatMap((f) =>
        (JSON.parse(readFileSync(join(tables, f, 'expected.json'), 'utf8')) as { documents: { unit: { name: string } }[] }).documents.map(
          (d) => d.unit.name,
        ),
      ),
    ]);
    expect(r.stderr).toContain(`${join(dir, 'b-xiangtan.html')}：按湖南省湘潭市「项目支出绩效目标申报表」表样（hunan-xiangtan）读取`);
    expect(r.stderr).toContain('（neimenggu-wuhai）读取');
    expect(r.stderr).toContain('（guangdong-dongguan-approval）读取');
    expect(r.stderr).not.toContain('a-seed.txt');
  });

  it('says that a 自评表’s actual values are not in the exchange JSON, and how to evaluate them', async () => {
    const form = 'src/formats/tables/fixtures/sichuan-qingshen-self-evaluation/form.docx';
    const r = await runCli(['import', form]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `${form}：这是自评表，其完成值、得分和评价结论不在交换格式 JSON 中（只导出绩效目标）；自评请用 jixiao evaluate ${form}`,
    );
  });

  it('writes nothing when any file is unreadable, and names the file and line of each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, readFileSync(SEED, 'utf8').replace('\t39.00\n', '\t三十九\n'));
    const out = join(dir, 'out.json');
    const r = await runCli(['import', SEED, bad, join(dir, 'missing.txt'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad} 第 198 行 字段「预算数」：“三十九”不是数字`);
    expect(r.stderr).toContain('missing.txt：找不到这个文件或文件夹');
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses a file cut off inside a table, naming the file and the line where it ends, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const cut = join(dir, 'cut.txt');
    writeFileSync(cut, readFileSync(SEED).subarray(0, 7057));
    const r = await runCli(['import', cut]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${cut} 第 318 行 字段「项目绩效目标表」：文件在表格中途结束`);
  });

  it('rejects a year that is not a year', async () => {
    const r = await runCli(['import', SEED, '--year', '20x0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('年度应为');
  });

  it('explains itself in Chinese', async () => {
    const zh = await runCli(['import', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('输出交换格式 JSON');
  });

  it('explains itself in English on request', async () => {
    const en = await runCli(['--lang', 'en', 'import', '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('print the exchange JSON');
  });
});
