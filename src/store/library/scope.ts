/**
 * Which library entries a caller sees. A bureau's library is its own entries, its ancestors' (up the
 * bureau tree) and the national ones (bureau NULL): what is approved there is offered to its units.
 *
 * - a unit: the approved entries of its bureau's library, and its own applications in any state;
 * - a reviewer: everything owned by its bureau or one under it (it decides on those), and the
 *   approved or retired entries inherited from above;
 * - an admin (and the command line): everything.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.ts';

export type LibraryScope = { all: true } | { unitId: number; bureauId: number } | { reviewerBureauId: number };

type Eb = ExpressionBuilder<Database, 'library_entries'>;

/** The bureau and those above it. */
export const ancestorsOf = (bureauId: number) => sql`(select ancestor_id from bureau_tree where descendant_id = ${bureauId})`;
/** The bureau and those under it. */
export const subtreeOf = (bureauId: number) => sql`(select descendant_id from bureau_tree where ancestor_id = ${bureauId})`;

/** An entry of the bureau's library: its own, an ancestor's, or national. */
const inherited = (bureauId: number) =>
  sql<SqlBool>`(library_entries.bureau_id is null or library_entries.bureau_id in ${ancestorsOf(bureauId)})`;

export function visibleTo(scope: LibraryScope): (eb: Eb) => Expression<SqlBool> {
  return (eb) => {
    if ('all' in scope) return sql<SqlBool>`true`;
    if ('unitId' in scope)
      return eb.or([
        eb.and([eb('library_entries.state', '=', 'approved'), inherited(scope.bureauId)]),
        eb('library_entries.proposed_by_unit_id', '=', scope.unitId),
      ]);
    return eb.or([
      sql<SqlBool>`library_entries.bureau_id in ${subtreeOf(scope.reviewerBureauId)}`,
      eb.and([eb('library_entries.state', 'in', ['approved', 'retired']), inherited(scope.reviewerBureauId)]),
    ]);
  };
}
