import { strFromU8, unzipSync } from 'fflate';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../formats/docx/read-docx.ts';
import { readExchangeJson } from '../../formats/json/exchange.ts';
import { generatedDocuments, seedDocuments } from '../../formats/publication/fixtures.testing.ts';
import { readXlsx } from '../../formats/xlsx/read-xlsx.ts';
import { readDocuments } from '../../formats/read-document.ts';
import { systemActor } from '../../store/audit.ts';
import { openStore } from '../../store/database.ts';
import { createDocument } from '../../store/documents/create.ts';
import { createBureau, createUnit } from '../../store/organisation.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { ROOT, runCli } from '../run-cli.testing.ts';

const SEED = 'samples/huailai-sifaju-2020.txt';
const temp = () => mkdtempSync(join(tmpdir(), 'jixiao-export-'));
/** Each run starts the real command (several seconds on a busy machine). */
const SLOW = 300_000;

describe('jixiao export FILE', () => {
  it(
    'writes DOCX, XLSX and JSON from the seed, and import reads the DOCX back to the same documents',
    async () => {
      const dir = temp();
      for (const to of ['docx', 'xlsx', 'json'] as const) {
        const r = await runCli(['export', SEED, '--to', to, '-o', join(dir, `seed.${to}`)]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`已写出 ${join(dir, `seed.${to}`)}（1 个单位）`);
      }
      const seed = seedDocuments();
      expect(readExchangeJson(readFileSync(join(dir, 'seed.json')), { fileName: 'seed.json' })).toEqual(seed);
      expect(await readXlsx(readFileSync(join(dir, 'seed.xlsx')), 'seed.xlsx')).toEqual(seed);
      // `jixiao import` reads the Word file by its content.
      const r = await runCli(['import', join(dir, 'seed.docx')]);
      expect(r.code, r.stderr).toBe(0);
      expect(readExchangeJson(r.stdout, { fileName: 'seed.docx' })).toEqual(seed);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    SLOW,
  );

  it(
    "Word from a province's published form prints in the profile it was read as; --profile for a file read as jixiao's own",
    async () => {
      const dir = temp();
      const page = 'src/formats/tables/fixtures/guangdong-dongguan-approval/page.html';
      expect((await runCli(['export', page, '--to', 'docx', '-o', join(dir, 'dongguan.docx')])).code).toBe(0);
      const dongguan = await readDocuments(readFileSync(join(dir, 'dongguan.docx')), 'dongguan.docx');
      expect(dongguan.profile?.id).toBe('guangdong-dongguan-approval');
      expect(dongguan.documents).toEqual((await readDocuments(readFileSync(page), 'page.html')).documents);

      expect((await runCli(['export', SEED, '--to', 'docx', '--profile', 'neimenggu-wuhai', '-o', join(dir, 'seed.docx')])).code).toBe(0);
      expect((await readDocuments(readFileSync(join(dir, 'seed.docx')), 'seed.docx')).profile?.id).toBe('neimenggu-wuhai');
    },
    SLOW,
  );

  it(
    'csv: the open-data package, as a folder or a ZIP',
    async () => {
      const dir = temp();
      expect((await runCli(['export', SEED, '--to', 'csv', '-o', join(dir, 'open')])).code).toBe(0);
      expect(readdirSync(join(dir, 'open')).sort()).toEqual([
        'datapackage.json',
        'documents.json',
        'indicators.csv',
        'jixiao.targets.v1.schema.json',
        'projects.csv',
        'spending_plan.csv',
      ]);
      expect((await runCli(['export', SEED, '--to', 'csv', '-o', join(dir, 'open.zip')])).code).toBe(0);
      expect(Object.keys(unzipSync(readFileSync(join(dir, 'open.zip')))).sort()).toEqual(readdirSync(join(dir, 'open')).sort());
    },
    SLOW,
  );

  it(
    'the blank Excel template',
    async () => {
      const out = join(temp(), 'template.xlsx');
      expect((await runCli(['export', '--template', '--to', 'xlsx', '--year', '2021', '-o', out])).code).toBe(0);
      await expect(readXlsx(readFileSync(out), 'template.xlsx')).rejects.toThrow('没有预算绩效目标');
      expect((await runCli(['export', '--template', '--to', 'xlsx', '--profile', 'hebei-2020', '-o', out])).code).toBe(0);
      const wrong = await runCli(['export', '--template', '--to', 'xlsx', '--profile', 'nowhere', '-o', out]);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('没有表样“nowhere”');
    },
    SLOW,
  );

  it(
    'usage errors exit 2 and write nothing',
    async () => {
      const dir = temp();
      const cases = [
        [['export', SEED, '--to', 'odt', '-o', join(dir, 'a')], '不支持的导出格式“odt”'],
        [['export', SEED, '--to', 'docx'], '请用 -o 指定输出文件'],
        [['export', '--unit', '315002', '--to', 'docx', '-o', join(dir, 'c')], '必须给出 --year'],
      ] as const;
      for (const [args, message] of cases) {
        const r = await runCli(args);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(message);
      }
      expect(readdirSync(dir)).toEqual([]);
    },
    SLOW,
  );
});

/** A data directory with a county of three units' 2020 documents: the seed and two generated ones. */
async function countyData(): Promise<{ data: string; seed: TargetDocument; others: TargetDocument[] }> {
  const data = temp();
  const [seed] = seedDocuments();
  const others = generatedDocuments({}).map((d, i) => ({ ...d, unit: { code: `40000${i + 1}`, name: d.unit.name } }));
  const store = await openStore({ dataDir: data });
  try {
    const actor = systemActor('test');
    const county = await createBureau(store.db, actor, { code: '130730', name: '怀来县财政局', parentId: null });
    for (const doc of [seed!, ...others]) {
      const unit = await createUnit(store.db, actor, { code: doc.unit.code!, name: doc.unit.name, bureauId: county.id });
      await createDocument(store.db, actor, { unitId: unit.id, year: 2020, content: doc, action: 'import' });
    }
  } finally {
    await store.close();
  }
  return { data, seed: seed!, others };
}

/** `jixiao serve` on the data directory, until `stop`; resolves once it says it is up (its last startup line). */
async function serve(data: string): Promise<{ pid: number; stop(): Promise<void> }> {
  // In a working directory of its own: the command's relative paths must not be read as the server's.
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--data', data, '--no-demo'],
    {
      cwd: temp(),
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString('utf8');
      if (output.includes('数据库：PGlite')) resolve();
    });
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`jixiao serve exited (${code}): ${output}`)));
  });
  return {
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('jixiao export from the database', () => {
  it(
    'one unit (--unit), a bureau (by code or name) as a ZIP of one DOCX per unit, or in one workbook',
    async () => {
      const { data, seed, others } = await countyData();

      const out = temp();
      let r = await runCli(['export', '--unit', '315002', '--year', '2020', '--data', data, '--to', 'json', '-o', join(out, 'unit.json')]);
      expect(r.code, r.stderr).toBe(0);
      expect(readExchangeJson(readFileSync(join(out, 'unit.json')), { fileName: 'unit.json' })).toEqual([seed]);

      r = await runCli(['export', '--bureau', '130730', '--year', '2020', '--data', data, '--to', 'docx', '-o', join(out, 'bundle.zip')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('（3 个单位）');
      const entries = unzipSync(readFileSync(join(out, 'bundle.zip')));
      expect(Object.keys(entries).sort()).toEqual(
        ['315002怀来县司法局-2020.docx', ...others.map((d) => `${d.unit.code}${d.unit.name}-2020.docx`)].sort(),
      );
      expect(readDocx(entries['315002怀来县司法局-2020.docx']!, 'x.docx')).toEqual([seed]);
      expect(r.stderr).not.toContain('服务器');

      r = await runCli([
        'export',
        '--bureau',
        '怀来县财政局',
        '--year',
        '2020',
        '--data',
        data,
        '--to',
        'xlsx',
        '-o',
        join(out, 'all.xlsx'),
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect((await readXlsx(readFileSync(join(out, 'all.xlsx')), 'all.xlsx')).map((d) => d.unit.code).sort()).toEqual([
        '315002',
        '400001',
        '400002',
      ]);

      r = await runCli(['export', '--unit', '999999', '--year', '2020', '--data', data, '--to', 'json', '-o', join(out, 'none.json')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('数据库中找不到 999999 2020');
      expect(existsSync(join(out, 'none.json'))).toBe(false);
    },
    SLOW,
  );

  it(
    'while a server owns the data directory: the server writes the file',
    async () => {
      const { data, seed, others } = await countyData();
      const server = await serve(data);
      try {
        const out = temp();
        let r = await runCli([
          'export',
          '--bureau',
          '130730',
          '--year',
          '2020',
          '--data',
          data,
          '--to',
          'pdf',
          '-o',
          join(out, 'bundle.zip'),
        ]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`数据目录正由服务器（进程 ${server.pid}）使用，已请该服务器写出文件。`);
        expect(r.stderr).toContain('（3 个单位）');
        const entries = unzipSync(readFileSync(join(out, 'bundle.zip')));
        expect(Object.keys(entries).sort()).toEqual(
          ['315002怀来县司法局-2020.pdf', ...others.map((d) => `${d.unit.code}${d.unit.name}-2020.pdf`)].sort(),
        );
        for (const pdf of Object.values(entries)) expect(strFromU8(pdf.subarray(0, 5))).toBe('%PDF-');

        // A relative output path is the command's, not the server's working directory.
        r = await runCli([
          'export',
          '--unit',
          '315002',
          '--year',
          '2020',
          '--data',
          data,
          '--to',
          'json',
          '-o',
          relative(ROOT, join(out, 'unit.json')),
        ]);
        expect(r.code, r.stderr).toBe(0);
        expect(readExchangeJson(readFileSync(join(out, 'unit.json')), { fileName: 'unit.json' })).toEqual([seed]);

        r = await runCli(['export', '--bureau', '999', '--year', '2020', '--data', data, '--to', 'json', '-o', join(out, 'none.json')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('数据库中找不到 999');
        r = await runCli(['export', '--bureau', '130730', '--year', '2019', '--data', data, '--to', 'json', '-o', join(out, 'none.json')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('没有可导出的预算绩效目标');
        expect(readdirSync(out).sort()).toEqual(['bundle.zip', 'unit.json']);
      } finally {
        await server.stop();
      }
    },
    SLOW,
  );
});
