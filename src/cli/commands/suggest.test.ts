import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../formats/read-document.ts';
import { systemActor } from '../../store/audit.ts';
import { loadDocuments } from '../../store/bulk/documents.ts';
import { openStore } from '../../store/database.ts';
import { createBureau } from '../../store/organisation.ts';
import { runCli } from '../run-cli.testing.ts';

interface JsonSuggestion {
  level3: string;
  typical: string | null;
  users: Array<{ unit: { name: string }; year: number | null; projectName: string | null; target: string }>;
}

// Each test starts the real command; on a loaded two-core machine that takes a while.
describe('jixiao suggest', { timeout: 90_000 }, () => {
  it('lists the sample’s 法律援助 indicators with their targets (the issue’s done-when)', async () => {
    const r = await runCli(['suggest', '--name', '法律援助', '--from', 'samples/', '--format', 'json', '--limit', '50']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout) as JsonSuggestion[];
    const uses = found.flatMap((s) => s.users.map((u) => `${u.unit.name} ${u.year} ${u.projectName}｜${s.level3}｜${u.target}`));
    // The 法律援助 rows of samples/huailai-sifaju-2020.txt and of its corrected copy, each with its target.
    expect(uses.sort()).toEqual(
      [
        '办理法律援助案件结案率｜≥95',
        '群众收益率｜100',
        '案件结案率提高，减少不安定因素，社会稳定｜≥95',
        '为人民办实事，为贫困百姓解决实际问题，减轻经济压力｜≥10',
        '服务对象满意度｜≥90',
        '服务对象满意度｜',
        '办理法律援助案件数量｜≥120件',
        '办理法律援助案件结案率｜≥95%',
        '法律援助申请审查办结时限｜≤7个工作日',
        '受援困难群众人数｜≥150人',
        '符合条件的困难群众法律援助受益率｜=100%',
        '服务对象满意度｜≥90%',
      ]
        .map((u) => `怀来县司法局 2020 法律援助｜${u}`)
        .sort(),
    );
    // 服务对象满意率 and 满意度, ≥90 and ≥90%: one family, whose typical target is a percentage.
    expect(found.find((s) => s.level3 === '服务对象满意度')?.typical).toBe('≥90%');
    // Other projects' rows are no 法律援助 rows.
    expect(uses.some((u) => u.includes('社区矫正'))).toBe(false);
  });

  it('prints a Chinese table with the typical targets and who uses them, and checks its options', async () => {
    const r = await runCli([
      'suggest',
      '--name',
      '法律援助',
      '--from',
      'samples/huailai-sifaju-2020-corrected.txt',
      '--field',
      '司法',
      '--limit',
      '3',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('典型指标值');
    expect(r.stdout).toContain('怀来县司法局（2020）法律援助：≥120件');
    expect(r.stdout).toMatch(/共 \d+ 个指标，归为 \d+ 类；列出 3 条推荐/);
    const bad = await runCli(['suggest', '--name', '法律援助', '--from', 'samples/', '--field', '航天']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('行业/领域应为');
  });

  it('suggests the same from the database’s approved documents as from their files', async () => {
    const file = 'samples/huailai-sifaju-2020-corrected.txt';
    const data = join(mkdtempSync(join(tmpdir(), 'jixiao-suggest-')), 'data');
    const store = await openStore({ dataDir: data });
    try {
      const { documents } = await readDocuments(new Uint8Array(readFileSync(file)), file);
      const actor = systemActor('test');
      const bureau = await createBureau(store.db, actor, { code: '130730', name: '怀来县财政局', parentId: null });
      await store.db.transaction().execute((trx) =>
        loadDocuments(
          trx,
          actor,
          documents.map((content) => ({ content, status: 'approved' })),
          { file, newUnitsBureauId: bureau.id },
        ),
      );
    } finally {
      await store.close();
    }
    const query = ['suggest', '--name', '法律援助', '--field', '司法', '--format', 'json', '--limit', '50'];
    const fromFiles = await runCli([...query, '--from', file]);
    const fromDatabase = await runCli([...query, '--data', data]);
    expect(fromDatabase.code, fromDatabase.stderr).toBe(0);
    expect(JSON.parse(fromDatabase.stdout).length).toBeGreaterThan(0);
    expect(JSON.parse(fromDatabase.stdout)).toEqual(JSON.parse(fromFiles.stdout));
  });
});
