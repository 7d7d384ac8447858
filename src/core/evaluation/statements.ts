/**
 * A 自评表 published with the template's printed instructions still in 评价结论, 存在问题, 改进措施 …
 * (the recogniser marks such a statement `instruction`): the unit never filled it in. The
 * self-evaluation says so, and so do `check` and the import preview of such a file.
 */
import type { Actuals, EvaluationStatement } from '../actuals/actuals.ts';
import type { TargetDocument } from '../model/document.ts';
import type { Finding } from '../review/finding.ts';
import { messages, messagesFor, type Locale } from '../../i18n/index.ts';

export function statementFindings(projectCode: string, statements: readonly EvaluationStatement[] | undefined, locale?: Locale): Finding[] {
  if (!statements?.some((s) => s.instruction)) return [];
  const m = (locale ? messagesFor(locale) : messages()).evaluation;
  return statements
    .filter((s) => s.instruction)
    .map((s) => ({
      ruleId: 'evaluation.instructionLeft',
      severity: 'error',
      projectCode,
      indicatorIndex: null,
      field: `evaluation.statements.${s.kind}`,
      message: m.findings.instructionLeft(projectCode, m.findings.statementKinds[s.kind]),
      suggestion: m.findings.instructionLeftSuggestion,
      source: m.source,
    }));
}

/** The findings of the 自评表 statements of a document's projects, as read from the same file. */
export const documentStatementFindings = (document: TargetDocument, actuals: Actuals | null, locale?: Locale): Finding[] =>
  (actuals?.projects ?? [])
    .filter((p) => document.projects.some((q) => q.code === p.projectCode))
    .flatMap((p) => statementFindings(p.projectCode, p.statements, locale));
