/**
 * 自评任务 (docs/self-evaluation-tasks.md): a bureau's task for a year with a deadline, one
 * assignment per unit it reaches (its state, the unit's submitted score and grade, the reviewer's
 * comment), at most one 抽评 draw per task (its seed, size and the population it drew from) and the
 * drawn assignments with the bureau's re-check beside the unit's own result. Tracking counts are
 * GROUP BY state over (task_id, state); the unit's list and its reminders read (unit_id, state).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE evaluation_tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bureau_id bigint NOT NULL REFERENCES bureaus (id),
    year integer NOT NULL,
    title text NOT NULL,
    deadline date NOT NULL,
    scope jsonb NOT NULL,
    assigned integer NOT NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by_name text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX evaluation_tasks_bureau ON evaluation_tasks (bureau_id, id)`.execute(db);
  await sql`CREATE TABLE evaluation_assignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES evaluation_tasks (id) ON DELETE CASCADE,
    unit_id bigint NOT NULL REFERENCES units (id),
    unit_code text NOT NULL,
    project_codes jsonb,
    state text NOT NULL DEFAULT 'notStarted'
      CHECK (state IN ('notStarted', 'inProgress', 'submitted', 'returned', 'accepted')),
    document_id bigint REFERENCES documents (id) ON DELETE SET NULL,
    self_score numeric(6, 2),
    self_grade text,
    submitted_at timestamptz,
    review_comment text NOT NULL DEFAULT '',
    reviewed_by_name text,
    reviewed_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    UNIQUE (task_id, unit_id)
  )`.execute(db);
  await sql`CREATE INDEX evaluation_assignments_task_state ON evaluation_assignments (task_id, state, unit_code, id)`.execute(db);
  await sql`CREATE INDEX evaluation_assignments_task_code ON evaluation_assignments (task_id, unit_code, id)`.execute(db);
  await sql`CREATE INDEX evaluation_assignments_unit ON evaluation_assignments (unit_id, id)`.execute(db);
  await sql`CREATE TABLE evaluation_samples (
    task_id bigint PRIMARY KEY REFERENCES evaluation_tasks (id) ON DELETE CASCADE,
    seed text NOT NULL,
    size jsonb NOT NULL,
    population jsonb NOT NULL,
    drawn_at timestamptz NOT NULL DEFAULT now(),
    drawn_by_name text NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE evaluation_rechecks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES evaluation_samples (task_id) ON DELETE CASCADE,
    assignment_id bigint NOT NULL REFERENCES evaluation_assignments (id) ON DELETE CASCADE,
    position integer NOT NULL,
    score numeric(6, 2),
    grade text,
    findings text NOT NULL DEFAULT '',
    rechecked_by_name text,
    rechecked_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    UNIQUE (task_id, position),
    UNIQUE (assignment_id)
  )`.execute(db);
}
