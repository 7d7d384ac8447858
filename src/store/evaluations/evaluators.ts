/**
 * Third-party evaluator accounts a reviewer can assign: those its bureau or one above it made
 * (an admin sees all), by username a page at a time.
 */
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import { escapeLike } from '../organisation.ts';
import type { Db } from '../schema.ts';

export interface EvaluatorAccount {
  id: number;
  username: string;
  displayName: string;
  organisation: string;
  bureauId: number;
  disabled: boolean;
}

const BY_NAME: KeysetOrder = {
  name: 'evaluators',
  keys: [
    { column: 'users.username', direction: 'asc', type: 'text' },
    { column: 'users.id', direction: 'asc', type: 'int' },
  ],
};

export async function listEvaluators(
  db: Db,
  scope: { all: true } | { forBureauId: number },
  filter: { q?: string },
  page: PageRequest,
): Promise<Page<EvaluatorAccount> & { total: Total | null }> {
  let q = db.selectFrom('users').where('users.role', '=', 'evaluator');
  if ('forBureauId' in scope)
    q = q.where('users.bureau_id', 'in', (eb) =>
      eb.selectFrom('bureau_tree').select('ancestor_id').where('descendant_id', '=', scope.forBureauId),
    );
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like), eb('users.organisation', 'like', like)]),
    );
  }
  const [rows, total] = await Promise.all([
    keysetQuery(
      q.select(['users.id', 'users.username', 'users.display_name', 'users.organisation', 'users.bureau_id', 'users.disabled']),
      BY_NAME,
      page,
    ).execute(),
    firstPageTotal(db, page, q),
  ]);
  return {
    ...pageOf(BY_NAME, page, rows, (r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      organisation: r.organisation ?? '',
      bureauId: r.bureau_id!,
      disabled: r.disabled,
    })),
    total,
  };
}
