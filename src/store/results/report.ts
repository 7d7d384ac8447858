/**
 * 结果应用 report (src/core/results/actions.ts): each project of a bureau's units (sub-bureaus
 * included) in year Y with its self-evaluation (the stored `project_evaluation` row the derived
 * work keeps), its evaluation result (./evaluations.ts), and the same project's budget request in
 * the unit's Y+1 document (matched by code, else by name), paged by cursor in unit-code order.
 */
import { sql } from 'kysely';
import type { Grade } from '../../core/evaluation/settings.ts';
import { dec } from '../../core/model/decimal.ts';
import { recommendedAction, type ResultActions } from '../../core/results/actions.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Db } from '../schema.ts';
import { evaluationResults } from './evaluations.ts';

export interface ResultRow {
  projectId: number;
  documentId: number;
  unitCode: string;
  unitName: string;
  projectCode: string;
  projectName: string;
  /** 万元 (a document kept in 元 is converted, exactly). */
  budget: string | null;
  selfScore: string | null;
  selfGrade: Grade | null;
  evaluationScore: string | null;
  evaluationGrade: Grade | null;
  /** The Y+1 request in 万元; null where the unit has no Y+1 document or it lacks the project. */
  nextDocumentId: number | null;
  nextBudget: string | null;
  /** Open or reopened, responded: the project's items not yet closed. */
  openRectifications: number;
  action: string | null;
}

const inWan = (amount: string | null, unit: '万元' | '元'): string | null =>
  amount === null ? null : unit === '元' ? dec(amount).div(10_000).toFixed() : amount;

const ORDER: KeysetOrder = {
  name: 'results-by-unit',
  keys: [
    { column: 'u.code', direction: 'asc', type: 'text' },
    { column: 'p.id', direction: 'asc', type: 'int' },
  ],
};

export async function resultsReport(
  db: Db,
  bureauId: number,
  year: number,
  actions: ResultActions,
  page: PageRequest,
): Promise<Page<ResultRow> & { total: Total | null }> {
  const q = db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('projects as p', 'p.document_id', 'd.id')
    .leftJoin('project_evaluation as pe', 'pe.project_id', 'p.id')
    .leftJoin('documents as nd', (j) => j.onRef('nd.unit_id', '=', 'd.unit_id').on('nd.year', '=', year + 1))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('projects as np')
          .select(['np.budget_total', 'np.amount_unit'])
          .whereRef('np.document_id', '=', 'nd.id')
          .where((w) => w.or([w('np.code', '=', w.ref('p.code')), w('np.name', '=', w.ref('p.name'))]))
          .orderBy(sql`np.code = p.code`, 'desc')
          .orderBy('np.position')
          .limit(1)
          .as('next'),
      (j) => j.onTrue(),
    )
    .where('d.year', '=', year)
    .where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId))
    .select([
      'p.id as project_id',
      'd.id as document_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'p.code as project_code',
      'p.name as project_name',
      'p.amount_unit',
      'p.budget_total',
      'pe.total as self_score',
      'pe.grade as self_grade',
      'nd.id as next_document_id',
      'next.budget_total as next_budget',
      'next.amount_unit as next_amount_unit',
    ])
    .select((eb) =>
      eb
        .selectFrom('rectifications as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.project_id', '=', 'p.id')
        .where('r.state', '<>', 'closed')
        .as('open_rectifications'),
    );
  const [rows, total] = await Promise.all([keysetQuery(q, ORDER, page).execute(), firstPageTotal(db, page, q)]);
  const shown = pageOf(ORDER, page, rows, (r) => r);
  const evaluated = await evaluationResults(
    db,
    shown.items.map((r) => r.project_id),
  );
  return {
    total,
    nextCursor: shown.nextCursor,
    items: shown.items.map((r) => {
      const ev = evaluated.get(r.project_id) ?? null;
      const selfGrade = (r.self_grade ?? null) as Grade | null;
      return {
        projectId: r.project_id,
        documentId: r.document_id,
        unitCode: r.unit_code,
        unitName: r.unit_name,
        projectCode: r.project_code,
        projectName: r.project_name,
        budget: inWan(r.budget_total, r.amount_unit),
        selfScore: r.self_score ?? null,
        selfGrade,
        evaluationScore: ev?.score ?? null,
        evaluationGrade: ev?.grade ?? null,
        nextDocumentId: r.next_document_id ?? null,
        nextBudget: inWan(r.next_budget ?? null, r.next_amount_unit ?? '万元'),
        openRectifications: Number(r.open_rectifications ?? 0),
        action: recommendedAction(selfGrade, ev?.grade ?? null, actions),
      };
    }),
  };
}
