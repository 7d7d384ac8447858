/**
 * Migration 0011 on a database written before it: the derived rows already stored gain their
 * document's keys, every document is queued (those awaiting a recount with `review`), and once the
 * queue is drained the document's aggregates are in its bureau's rollups. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { scoreFigures } from '../actuals/lists.ts';
import { claimWork } from '../aggregates/queue.ts';
import { runWorkItem } from '../aggregates/work.ts';
import { systemActor } from '../audit.ts';
import { migrate } from '../database.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { testMigration } from './migration.testing.ts';

const actor = systemActor('test');

testMigration(
  '0011',
  '0010-provincial-columns',
  'keys the stored monitoring rows, queues every document, and the worker builds their aggregates',
  async (db) => {
    const bureauId = (await createBureau(db, actor, { code: '9501', name: '迁移测试财政局', parentId: null })).id;
    const unitId = (await createUnit(db, actor, { code: '950101', name: '迁移测试单位', bureauId })).id;
    await sql`INSERT INTO budget_years (year) VALUES (2020)`.execute(db);
    const documentId = (
      await sql<{ id: number }>`INSERT INTO documents (unit_id, year, status, unit_code_as_written, unit_name_as_written,
        project_count, budget_total, review_stale) VALUES (${unitId}, 2020, 'approved', '950101', '迁移测试单位', 1, '5.00', true) RETURNING id`.execute(
        db,
      )
    ).rows[0]!.id;
    const projectId = (
      await sql<{ id: number }>`INSERT INTO projects (document_id, position, code, name, unit_code_as_written, unit_name_as_written,
        amount_unit, budget_total, budget_fiscal, use_of_funds, indicator_count)
        VALUES (${documentId}, 0, '315-1', '法律援助', '950101', '迁移测试单位', '万元', '5.00', '5.00', '用于法律援助', 0) RETURNING id`.execute(
        db,
      )
    ).rows[0]!.id;
    await sql`INSERT INTO project_monitoring (project_id, valid_from, valid_to, document_id, project_code, project_name, position,
        light, light_rank, execution_light, budget, spent, rate, planned, shortfall, flagged_indicators, unreported_indicators, missing_explanations)
      VALUES (${projectId}, '2020-01-01', '2021-01-01', ${documentId}, '315-1', '法律援助', 0, 'red', 2, 'red', '5.00', '0', '0', '30', '30', 0, 0, 0)`.execute(
      db,
    );

    await migrate(db);
    const keyed = await db
      .selectFrom('project_monitoring')
      .select(['unit_id', 'bureau_id', 'year', 'status', 'unit_code', 'order_light', 'order_shortfall'])
      .execute();
    expect(keyed).toEqual([
      {
        unit_id: unitId,
        bureau_id: bureauId,
        year: 2020,
        status: 'approved',
        unit_code: '950101',
        order_light: -2,
        order_shortfall: '-30',
      },
    ]);
    expect(await db.selectFrom('derived_work').select(['kind', 'target_id', 'review']).execute()).toEqual([
      { kind: 'document', target_id: documentId, review: true },
    ]);
    expect(await db.selectFrom('bureau_year_totals').selectAll().execute()).toEqual([]);

    for (const item of await claimWork(db, 'test', 10, 60)) await runWorkItem(db, 'test', item);
    expect(await db.selectFrom('derived_work').selectAll().execute()).toEqual([]);
    const totals = await db.selectFrom('bureau_year_totals').select(['bureau_id', 'status', 'documents', 'projects']).execute();
    expect(totals).toEqual([{ bureau_id: bureauId, status: 'approved', documents: 1, projects: 1 }]);
    const scores = await scoreFigures(db, bureauId, 2020);
    expect(Object.values(scores.grades).reduce((a, b) => a + b, 0)).toBe(1);
  },
);
