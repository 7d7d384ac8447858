/**
 * Migration 0016 on a database written before it: every stored row gains the family key the store
 * would compute for it, and the approved document is taken into history (its projects' name pairs,
 * its values per family), the draft is not. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { familyKey } from '../../core/library/family-key.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import { systemActor } from '../audit.ts';
import { migrate } from '../database.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { testMigration } from './migration.testing.ts';

const actor = systemActor('test');

testMigration('0016', '0014-several-servers', 'keys the stored rows and takes the approved documents into history', async (db) => {
  const bureauId = (await createBureau(db, actor, { code: '9501', name: '迁移测试财政局', parentId: null })).id;
  const unitId = (await createUnit(db, actor, { code: '950101', name: '迁移测试司法局', bureauId })).id;
  await sql`INSERT INTO budget_years (year) VALUES (2019), (2020)`.execute(db);
  const ids: Record<string, number> = {};
  for (const [year, status] of [
    [2019, 'approved'],
    [2020, 'draft'],
  ] as const) {
    const documentId = (
      await sql<{ id: number }>`INSERT INTO documents (unit_id, year, status, unit_code_as_written, unit_name_as_written, project_count)
          VALUES (${unitId}, ${year}, ${status}, '950101', '迁移测试司法局', 1) RETURNING id`.execute(db)
    ).rows[0]!.id;
    const projectId = (
      await sql<{ id: number }>`INSERT INTO projects (document_id, position, code, name, unit_code_as_written, unit_name_as_written,
          amount_unit, use_of_funds, indicator_count)
          VALUES (${documentId}, 0, '315-1', '法律援助业务经费', '950101', '迁移测试司法局', '万元', '', 1) RETURNING id`.execute(db)
    ).rows[0]!.id;
    await sql`INSERT INTO indicators (project_id, position, term, level1, level2, level3, description, target, basis, remark,
          target_kind, target_operator, target_value, target_unit)
        VALUES (${projectId}, 0, 'annual', '产出指标', '质量指标', '办理法律援助案件结案率', '', '≥95%', '', '', 'quantitative', '≥', 95, '%')`.execute(
      db,
    );
    ids[status] = documentId;
  }

  await migrate(db);
  const key = familyKey(
    {
      term: 'annual',
      level1: '产出指标',
      level2: '质量指标',
      level3: '办理法律援助案件结案率',
      description: '',
      target: '≥95%',
      basis: '',
      remark: '',
    },
    parseTargetValue('≥95%'),
  );
  expect((await db.selectFrom('indicators').select('family_key').execute()).map((r) => r.family_key)).toEqual([key, key]);
  expect(await db.selectFrom('library_documents').select(['document_id', 'status']).execute()).toEqual([
    { document_id: ids.approved, status: 'approved' },
  ]);
  expect(await db.selectFrom('library_families').select(['scope', 'uses', 'units']).execute()).toEqual([
    { scope: 'all', uses: 1, units: 1 },
  ]);
  const pairs = await db.selectFrom('library_project_pairs').select('pair').orderBy('pair').execute();
  expect(pairs.map((p) => p.pair)).toContain('援助');
});
