/**
 * The columns other provinces' forms print (issue 13): an indicator's 指标性质, 度量单位, 权重,
 * 指标方向性, 指标解释, 指标来源 and 上年/前年 values; a project's 项目分类, 建设周期, 项目负责人,
 * 审批文号, 财政资金科目代码 and 中期预算; and the 部门整体支出绩效目标表's parts — its fund totals on
 * the document, its 年度履职目标 rows and its department-wide indicators, which share the indicator
 * row's columns. Every new column is nullable and every new table empty, so existing documents
 * read back exactly as before (null reads as "the form has no such column").
 */
import { sql, type Kysely } from 'kysely';

/** The indicator's provincial columns as this migration makes them (the store maps them from the model's descriptor). */
const INDICATOR_COLUMNS = [
  'nature text',
  'measure_unit text',
  'weight numeric',
  'direction text',
  'explanation text',
  'origin text',
  'previous_year text',
  'year_before_last text',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql.raw(`ALTER TABLE indicators ${INDICATOR_COLUMNS.map((c) => `ADD COLUMN ${c}`).join(', ')}`),
    sql`ALTER TABLE projects ADD COLUMN category text, ADD COLUMN construction_period text, ADD COLUMN manager text,
      ADD COLUMN approval_number text, ADD COLUMN subject_code text, ADD COLUMN budget_medium_term numeric`,
    // 年度预算安排 of 部门整体: no amount unit means the document has no such table.
    sql`ALTER TABLE documents ADD COLUMN funds_amount_unit text CHECK (funds_amount_unit IN ('万元', '元')),
      ADD COLUMN funds_total numeric, ADD COLUMN funds_project numeric, ADD COLUMN funds_basic numeric`,
    sql`CREATE TABLE department_duties (
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      position integer NOT NULL,
      duty text NOT NULL,
      task text NOT NULL,
      project_name text NOT NULL,
      amount numeric,
      PRIMARY KEY (document_id, position)
    )`,
    // The same row as a project's indicator, owned by the document; the primary key serves its reads
    // in order, the kinds index the same queries over kinds as the project indicators'.
    sql`CREATE TABLE department_indicators (
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      position integer NOT NULL,
      term text NOT NULL CHECK (term IN ('annual', 'longTerm')),
      level1 text NOT NULL,
      level2 text NOT NULL,
      level3 text NOT NULL,
      description text NOT NULL,
      target text NOT NULL,
      basis text NOT NULL,
      remark text NOT NULL,
      level1_kind text,
      level2_kind text,
      target_kind text NOT NULL,
      target_operator text,
      target_value numeric,
      target_unit text,
      ${sql.raw(INDICATOR_COLUMNS.join(', '))},
      PRIMARY KEY (document_id, position)
    )`,
    sql`CREATE INDEX department_indicators_kinds ON department_indicators (level1_kind, level2_kind, target_kind)`,
  ])
    await statement.execute(db);
}
