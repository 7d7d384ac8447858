/**
 * Migration 0010 on a database written before it: the document reads back as it was, without any
 * of the provincial properties (their columns are null), and takes them once written. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { systemActor } from '../audit.ts';
import { migrate } from '../database.ts';
import { updateIndicator } from '../documents/indicators.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { testMigration } from './migration.testing.ts';

const actor = systemActor('test');

testMigration('0010', '0008-document-snapshots', 'keeps a document written before it, and stores the new columns after', async (db) => {
  // The schema before 0010, and a document written in it.
  const bureauId = (await createBureau(db, actor, { code: '9901', name: '测试财政局', parentId: null })).id;
  const unitId = (await createUnit(db, actor, { code: '990101', name: '测试单位', bureauId })).id;
  await sql`INSERT INTO budget_years (year) VALUES (2020)`.execute(db);
  const doc = await sql<{
    id: number;
  }>`INSERT INTO documents (unit_id, year, status, unit_code_as_written, unit_name_as_written, has_department, overall_goal)
      VALUES (${unitId}, 2020, 'draft', '990101', '测试单位', true, '总体目标') RETURNING id`.execute(db);
  const documentId = doc.rows[0]!.id;
  const project = await sql<{
    id: number;
  }>`INSERT INTO projects (document_id, position, code, name, unit_code_as_written, unit_name_as_written, amount_unit, budget_total, budget_fiscal, budget_other, use_of_funds, department, attribute, period, indicator_count)
      VALUES (${documentId}, 0, '315-1', '法律援助', '990101', '测试单位', '万元', '5.00', '5.00', NULL, '用于法律援助', NULL, NULL, NULL, 1) RETURNING id`.execute(
    db,
  );
  const projectId = project.rows[0]!.id;
  const row = await sql<{
    id: number;
  }>`INSERT INTO indicators (project_id, position, term, level1, level2, level3, description, target, basis, remark, target_kind)
      VALUES (${projectId}, 0, 'annual', '产出指标', '数量指标', '', '援助案件', '≥95%', '计划标准', '', 'quantitative') RETURNING id`.execute(
    db,
  );

  await migrate(db);
  const indicator = {
    term: 'annual',
    level1: '产出指标',
    level2: '数量指标',
    level3: '',
    description: '援助案件',
    target: '≥95%',
    basis: '计划标准',
    remark: '',
  } as const;
  const read = modelOf((await readDocument(db, documentId))!);
  expect(read).toEqual({
    unit: { code: '990101', name: '测试单位' },
    year: 2020,
    department: { overallGoal: '总体目标', subGoals: [], safeguards: [] },
    projects: [
      {
        code: '315-1',
        name: '法律援助',
        unit: { code: '990101', name: '测试单位' },
        amountUnit: '万元',
        budget: { total: '5.00', fiscal: '5.00', other: null, sources: [] },
        useOfFunds: '用于法律援助',
        spendingPlan: [],
        goals: [],
        indicators: [indicator],
        department: null,
        attribute: null,
        period: null,
      },
    ],
  });
  const { version } = (await readDocument(db, documentId))!.meta;
  await updateIndicator(db, actor, documentId, projectId, row.rows[0]!.id, version, {
    ...indicator,
    nature: '≥',
    weight: '10.0',
  });
  expect(modelOf((await readDocument(db, documentId))!).projects[0]!.indicators).toEqual([{ ...indicator, nature: '≥', weight: '10.0' }]);
});
