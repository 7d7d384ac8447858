import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2021_ENTRIES, type LibraryEntry } from '../../core/library/index.ts';
import { readLibraryJson, writeLibraryJson } from '../../formats/library/json.ts';
import { readLibraryXlsx } from '../../formats/library/xlsx.ts';
import { runCli } from '../run-cli.testing.ts';

const ENTRIES: LibraryEntry[] = [
  ...FRAMEWORK_2021_ENTRIES,
  { ...FRAMEWORK_2021_ENTRIES[0]!, id: 'national-2', level3: '服务对象投诉率', direction: 'lower', target: '≤1%' },
];

describe('jixiao library', { timeout: 120_000 }, () => {
  it('imports a file into the national library all or nothing, and exports it as JSON and XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-library-'));
    const data = join(dir, 'data');
    const file = join(dir, 'lib.json');

    const broken = JSON.parse(writeLibraryJson(ENTRIES));
    broken.entries[1].field = '航天';
    writeFileSync(file, JSON.stringify(broken));
    const refused = await runCli(['library', 'import', file, '--data', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('entries[1].field');
    expect(refused.stderr).toContain('指标库文件有误，未导入任何条目。');

    writeFileSync(file, writeLibraryJson(ENTRIES));
    const imported = await runCli(['library', 'import', file, '--data', data]);
    expect(imported.stderr).toContain('已导入：新增 2 条，更新 0 条。');
    expect(imported.code).toBe(0);
    // Again: the same codes are updated, not added.
    expect((await runCli(['library', 'import', file, '--data', data])).stderr).toContain('新增 0 条，更新 2 条');

    const json = await runCli(['library', 'export', '--data', data]);
    expect(json.code).toBe(0);
    expect(readLibraryJson(json.stdout, 'out.json')).toEqual(ENTRIES);

    const xlsx = join(dir, 'lib.xlsx');
    const written = await runCli(['library', 'export', '--data', data, '--format', 'xlsx', '--out', xlsx]);
    expect(written.stderr).toContain(`已导出 2 条指标到 ${xlsx}。`);
    expect(await readLibraryXlsx(new Uint8Array(readFileSync(xlsx)), 'lib.xlsx')).toEqual(ENTRIES);

    const unknown = await runCli(['library', 'export', '--data', data, '--bureau', '999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有编码为 999 的财政部门。');
  });
});
