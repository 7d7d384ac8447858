/**
 * Actuals, bureau settings and what lists and dashboards read instead of recomputing:
 *
 * - the four kinds of actuals a unit records against an approved document (累计支出, 指标实际值,
 *   监控说明, 自评说明), each anchored to its project and indicator row by id *and* by what the row
 *   was when recorded (project code, 1-based index, description, target), so a target edited after
 *   a return keeps its actuals (re-anchored by code and description) and a deleted one leaves them
 *   as orphans, kept and shown, never silently dropped (see src/store/actuals/anchors.ts);
 * - per-document actuals state: a revision per write, the document version the derived rows were
 *   computed for, and the published self-evaluation (a snapshot, as published);
 * - bureau settings (monitoring thresholds, evaluation weights), inherited down the bureau tree;
 * - derived rows: each monitored project's light, execution and score as piecewise-constant
 *   intervals of the year (the light changes only on a checkpoint or a record's date), and its
 *   year-end evaluation, so warning lists and dashboards are index queries at province scale;
 * - per-rule finding counts per document, for "the most frequent review findings".
 *
 * Dates are PostgreSQL `date` (read back as ISO text, see ../database.ts).
 */
import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import type { DepartmentGoals, NumberedItem, Project, TargetDocument } from '../../core/model/document.ts';
import { reviewDocument } from '../../core/review/engine.ts';

/**
 * The columns that tie a record to its project: the project's id as a token (not a foreign key: it
 * must outlive a project replaced by a re-import, to keep that project's records together) and its
 * code when anchored.
 */
const projectAnchor = sql`
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    project_id bigint NOT NULL,
    project_code text NOT NULL`;
/**
 * … and to an indicator row, likewise: its id as a token, and its index, description and target when
 * anchored. Both null: the record is about the project itself.
 */
const indicatorAnchor = sql`
    indicator_id bigint,
    indicator_index integer CHECK (indicator_index >= 1),
    indicator_description text NOT NULL DEFAULT '',
    indicator_target text NOT NULL DEFAULT '',
    CHECK ((indicator_id IS NULL) = (indicator_index IS NULL))`;
const recorded = sql`
    version integer NOT NULL DEFAULT 1,
    recorded_by bigint REFERENCES users (id),
    recorded_by_name text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()`;

const statements = [
  sql`CREATE TABLE actual_spending (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ${projectAnchor},
    date date NOT NULL,
    cumulative numeric NOT NULL CHECK (cumulative >= 0),
    note text NOT NULL DEFAULT '',
    ${recorded}
  )`,
  // One figure per project and date; orphans (project_id null) never collide.
  sql`CREATE UNIQUE INDEX actual_spending_key ON actual_spending (project_id, date)`,
  sql`CREATE INDEX actual_spending_document ON actual_spending (document_id, project_code, date)`,

  sql`CREATE TABLE actual_values (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ${projectAnchor},
    ${indicatorAnchor},
    date date NOT NULL,
    value text NOT NULL CHECK (value <> ''),
    note text NOT NULL DEFAULT '',
    ${recorded},
    CHECK (indicator_index IS NOT NULL)
  )`,
  sql`CREATE UNIQUE INDEX actual_values_key ON actual_values (indicator_id, date)`,
  sql`CREATE INDEX actual_values_document ON actual_values (document_id, project_code, indicator_index, date)`,

  sql`CREATE TABLE monitoring_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ${projectAnchor},
    ${indicatorAnchor},
    date date NOT NULL,
    cause_category text CHECK (cause_category IN ('funding', 'institutional', 'staffing', 'facilities', 'other')),
    cause_text text NOT NULL DEFAULT '',
    likelihood text CHECK (likelihood IN ('certain', 'possible', 'impossible')),
    measure text NOT NULL DEFAULT '',
    expected_year_end text NOT NULL DEFAULT '',
    ${recorded},
    CHECK (cause_category IS NOT NULL OR cause_text = '')
  )`,
  sql`CREATE UNIQUE INDEX monitoring_notes_project_key ON monitoring_notes (project_id, date) WHERE indicator_index IS NULL`,
  sql`CREATE UNIQUE INDEX monitoring_notes_indicator_key ON monitoring_notes (indicator_id, date)`,
  sql`CREATE INDEX monitoring_notes_document ON monitoring_notes (document_id, project_code, indicator_index, date)`,

  // One self-evaluation note per project line (全年预算数, 实际完成情况, 执行率的说明) and per indicator row.
  sql`CREATE TABLE evaluation_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ${projectAnchor},
    ${indicatorAnchor},
    not_applicable boolean NOT NULL DEFAULT false,
    analysis text NOT NULL DEFAULT '',
    points numeric CHECK (points >= 0),
    grade_percent numeric CHECK (grade_percent BETWEEN 0 AND 100),
    adjusted_budget numeric CHECK (adjusted_budget >= 0),
    results text NOT NULL DEFAULT '',
    ${recorded},
    CHECK (indicator_index IS NULL OR (adjusted_budget IS NULL AND results = '')),
    CHECK (indicator_index IS NOT NULL OR (NOT not_applicable AND points IS NULL AND grade_percent IS NULL))
  )`,
  sql`CREATE UNIQUE INDEX evaluation_notes_project_key ON evaluation_notes (project_id) WHERE indicator_index IS NULL`,
  sql`CREATE UNIQUE INDEX evaluation_notes_indicator_key ON evaluation_notes (indicator_id)`,
  sql`CREATE INDEX evaluation_notes_document ON evaluation_notes (document_id, project_code, indicator_index)`,

  // The row every actuals write locks first: writes and refreshes of one document take turns.
  sql`CREATE TABLE document_actuals_state (
    document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    revision integer NOT NULL DEFAULT 0,
    derived_version integer,
    derived_stale boolean NOT NULL DEFAULT false,
    evaluation_published_at timestamptz,
    evaluation_published_by_name text,
    evaluation_snapshot jsonb
  )`,

  sql`CREATE TABLE bureau_settings (
    bureau_id bigint PRIMARY KEY REFERENCES bureaus (id),
    monitoring jsonb,
    evaluation jsonb,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by_name text NOT NULL
  )`,

  // [valid_from, valid_to): the project's monitoring on every date of that span.
  sql`CREATE TABLE project_monitoring (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    valid_from date NOT NULL,
    valid_to date NOT NULL CHECK (valid_to > valid_from),
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    project_code text NOT NULL,
    project_name text NOT NULL,
    position integer NOT NULL,
    light text NOT NULL CHECK (light IN ('green', 'yellow', 'red')),
    light_rank smallint NOT NULL,
    execution_light text NOT NULL,
    budget numeric,
    spent numeric NOT NULL,
    rate numeric,
    planned numeric NOT NULL,
    shortfall numeric,
    flagged_indicators integer NOT NULL,
    missing_explanations integer NOT NULL,
    PRIMARY KEY (project_id, valid_from)
  )`,
  // "Which projects, and in which light, on this date": a GiST lookup of the spans holding the date.
  sql`CREATE INDEX project_monitoring_span ON project_monitoring USING gist (daterange(valid_from, valid_to))`,
  sql`CREATE INDEX project_monitoring_document ON project_monitoring (document_id, valid_from)`,

  sql`CREATE TABLE project_evaluation (
    project_id bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    project_code text NOT NULL,
    project_name text NOT NULL,
    position integer NOT NULL,
    budget numeric,
    spent numeric,
    rate numeric,
    points numeric NOT NULL,
    total numeric NOT NULL,
    grade text NOT NULL CHECK (grade IN ('优', '良', '中', '差')),
    error_count integer NOT NULL
  )`,
  sql`CREATE INDEX project_evaluation_document ON project_evaluation (document_id)`,

  sql`CREATE TABLE document_rule_counts (
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    rule_id text NOT NULL,
    severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    findings integer NOT NULL CHECK (findings > 0),
    PRIMARY KEY (document_id, rule_id, severity)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
  // Documents stored before this migration get their per-rule counts now; later ones on each review.
  await backfillRuleCounts(db);
}

/**
 * The backfill reads the content tables as migration 0001 made them, with its own queries: the
 * store's code follows today's schema, which a later migration may change, and a migration must
 * keep doing what it did when it shipped. (The review is the core's, run with its default settings:
 * bureau review settings came with 0003.)
 */
export async function backfillRuleCounts(db: QueryExecutorProvider): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number }>`SELECT id FROM documents WHERE id > ${after} ORDER BY id LIMIT 200`.execute(db);
    for (const { id } of rows) {
      const findings = reviewDocument(await contentAt0001(db, id)).map((f) => ({ rule_id: f.ruleId, severity: f.severity }));
      await sql`INSERT INTO document_rule_counts (document_id, rule_id, severity, findings)
        SELECT ${id}, f.rule_id, f.severity, count(*) FROM json_to_recordset(${JSON.stringify(findings)}::json) AS f(rule_id text, severity text)
        GROUP BY f.rule_id, f.severity`.execute(db);
    }
    if (rows.length < 200) return;
    after = Number(rows.at(-1)!.id);
  }
}

/** A document's content as the model has it, assembled by the database from the rows of 0001 (amounts as exact text). */
async function contentAt0001(db: QueryExecutorProvider, id: number): Promise<TargetDocument> {
  const parts = (table: string, fields: string) =>
    sql.raw(
      `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY x.position), '[]') FROM ${table} x WHERE x.project_id = p.id)`,
    );
  const { rows } = await sql<{
    code: string | null;
    name: string;
    year: number;
    has_department: boolean;
    overall_goal: string;
    projects: string;
  }>`
    SELECT d.unit_code_as_written AS code, d.unit_name_as_written AS name, d.year, d.has_department, d.overall_goal,
      (SELECT coalesce(json_agg(json_build_object(
          'code', p.code, 'name', p.name, 'unit', json_build_object('code', p.unit_code_as_written, 'name', p.unit_name_as_written),
          'amountUnit', p.amount_unit,
          'budget', json_build_object('total', p.budget_total::text, 'fiscal', p.budget_fiscal::text, 'other', p.budget_other::text,
            'sources', ${parts('fund_sources', `'name', x.name, 'amount', x.amount::text`)}),
          'useOfFunds', p.use_of_funds,
          'spendingPlan', ${parts('spending_checkpoints', `'checkpoint', x.checkpoint, 'percent', x.percent::text`)},
          'goals', ${parts('goals', `'term', x.term, 'text', x.text`)},
          'indicators', ${parts('indicators', `'term', x.term, 'level1', x.level1, 'level2', x.level2, 'level3', x.level3, 'description', x.description, 'target', x.target, 'basis', x.basis, 'remark', x.remark`)},
          'department', p.department, 'attribute', p.attribute, 'period', p.period
        ) ORDER BY p.position), '[]')::text FROM projects p WHERE p.document_id = d.id) AS projects
    FROM documents d WHERE d.id = ${id}`.execute(db);
  const d = rows[0]!;
  return {
    unit: { code: d.code, name: d.name },
    year: d.year,
    department: d.has_department ? await departmentAt0001(db, id, d.overall_goal) : null,
    projects: JSON.parse(d.projects) as Project[],
  };
}

async function departmentAt0001(db: QueryExecutorProvider, id: number, overallGoal: string): Promise<DepartmentGoals> {
  const { rows } = await sql<{ id: number; section: 'subGoals' | 'safeguards'; parent_id: number | null; label: string; text: string }>`
    SELECT id, section, parent_id, label, text FROM department_items WHERE document_id = ${id} ORDER BY position`.execute(db);
  const department: DepartmentGoals = { overallGoal, subGoals: [], safeguards: [] };
  const byId = new Map(rows.map((r) => [Number(r.id), { label: r.label, text: r.text, children: [] as NumberedItem[] }]));
  for (const r of rows)
    (r.parent_id === null ? department[r.section] : byId.get(Number(r.parent_id))?.children)?.push(byId.get(Number(r.id))!);
  return department;
}
