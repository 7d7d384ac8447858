/**
 * A review rule: a small named check with a stable id, a family, a default severity and the
 * regulation it rests on. Its title, message and suggestion live in the message catalog under
 * the same id (review.rules), and the parameters a rule reports are checked against them.
 */
import type { Messages } from '../../i18n/index.ts';
import type { DocumentContext, ProjectContext, RowContext } from './context.ts';
import type { FindingField, Severity } from './finding.ts';
import type { RuleSource } from './regulations.ts';

type RuleMessages = Messages['review']['rules'];

/** Stable kebab-case ids such as `completeness.missing-level1`; bureaus disable rules by id. */
export type RuleId = keyof RuleMessages;
export type RuleFamily = keyof Messages['review']['family'];

type ParameterOf<F> = F extends (p: infer P) => string ? P : never;

/** What a rule reports besides the place: the parameters its message and suggestion take. */
export type RuleParams<Id extends RuleId> = Omit<
  ParameterOf<RuleMessages[Id]['message']> & ParameterOf<RuleMessages[Id]['suggestion']>,
  'at'
>;

/** Where a finding points: the whole document, a project, or one indicator row. */
export type Place = DocumentContext | ProjectContext | RowContext;

export type Report<Id extends RuleId> = (at: Place, field: FindingField, params: RuleParams<Id>) => void;

interface RuleHeader<Id extends RuleId> {
  id: Id;
  family: RuleFamily;
  /** The default; a bureau may override it (ReviewSettings.severityOverrides). */
  severity: Severity;
  source: RuleSource;
}

/** A rule looks at the document once, at each project, or at each indicator row. */
export type RuleDefinition<Id extends RuleId> = RuleHeader<Id> &
  (
    | { scope: 'document'; check(context: DocumentContext, report: Report<Id>): void }
    | { scope: 'project'; check(context: ProjectContext, report: Report<Id>): void }
    | { scope: 'row'; check(context: RowContext, report: Report<Id>): void }
  );

export type Rule = { [Id in RuleId]: RuleDefinition<Id> }[RuleId];

export const defineRule = <Id extends RuleId>(rule: RuleDefinition<Id>): RuleDefinition<Id> => rule;
