import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/database.ts';
import { runCli } from '../run-cli.testing.ts';

const SEED = 'samples/huailai-sifaju-2020.txt';
/** 蔚县教育局 (401002): a unit the units file does not name. */
const OTHER = 'src/formats/text/fixtures/annual-and-long-term.txt';

const UNITS = `编码,名称,上级编码,类型
13,河北省财政厅,,财政部门
1307,张家口市财政局,13,财政部门
130730,怀来县财政局,1307,财政部门
315002,怀来县司法局,130730,预算单位
`;

describe('jixiao load', { timeout: 120_000 }, () => {
  it('loads the units file and every good file, reports a bad one with its file, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-load-'));
    const units = join(dir, 'units.csv');
    writeFileSync(units, UNITS);
    const data = join(dir, 'data');
    const first = await runCli(['load', OTHER, SEED, '--data', data, '--units', units]);
    expect(first.stderr).toContain('单位表：新建 3 个财政部门、1 个预算单位，0 个已存在');
    expect(first.stderr).toContain(`${OTHER}：单位编码“401002”不是已有的单位`);
    expect(first.stderr).toContain('已装入 1 个文件：1 个文档，6 个项目');
    expect(first.code).toBe(2);

    // Again, with a bureau for units no one registered: the units exist, the seed's document too, the other file goes in.
    const second = await runCli(['load', OTHER, SEED, '--data', data, '--units', units, '--bureau', '130730']);
    expect(second.stderr).toContain('单位表：新建 0 个财政部门、0 个预算单位，4 个已存在');
    expect(second.stderr).toContain(`${SEED}：单位“315002”已有 2020 年度的文档`);
    expect(second.code).toBe(2);

    const store = await openStore({ dataDir: data });
    try {
      const docs = await store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['u.code', 'd.year', 'd.status', 'd.project_count'])
        .orderBy('u.code')
        .execute();
      expect(docs).toEqual([
        { code: '315002', year: 2020, status: 'draft', project_count: 6 },
        { code: '401002', year: 2021, status: 'draft', project_count: expect.any(Number) },
      ]);
      const bureaus = await store.db.selectFrom('bureaus').select('code').orderBy('code').execute();
      expect(bureaus.map((b) => b.code)).toEqual(['13', '1307', '130730']);
    } finally {
      await store.close();
    }
  });

  it('refuses a units file with an error, naming its line, and loads nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-load-'));
    const units = join(dir, 'units.csv');
    writeFileSync(units, `${UNITS}315003,怀来县教育局,130799,预算单位\n`);
    const r = await runCli(['load', SEED, '--data', join(dir, 'data'), '--units', units]);
    expect(r.stderr).toContain(`${units} 第 6 行 字段「上级编码」：上级编码“130799”既不在本文件的财政部门中，也不是已有的财政部门`);
    expect(r.code).toBe(2);
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      expect(await store.db.selectFrom('bureaus').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
