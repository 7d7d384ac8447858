/**
 * `jixiao check FILE...`: reviews performance targets (审核) and prints the findings per file, as
 * a Chinese table or as JSON. An unreadable file is reported with its place and the others are
 * still checked. Exit code: 2 if a file could not be read, else 1 if any finding is an error, else 0.
 */
import Table from 'cli-table3';
import type { TargetDocument } from '../../core/model/document.ts';
import type { Finding, Severity } from '../../core/review/finding.ts';
import { reviewDocument, summarize } from '../../core/review/engine.ts';
import { messages, messagesFor, type Locale } from '../../i18n/index.ts';
import { documentStatementFindings } from '../../core/evaluation/statements.ts';
import { expandInputs, readInputFile, recognisedNote, type FileResult } from '../inputs.ts';
import { startProgress } from '../progress.ts';
import { wrapToWidth } from '../text-width.ts';

export interface CheckOptions {
  year?: number;
  format: 'table' | 'json';
}

/** The language messages() speaks, so that review findings speak it too. */
const currentLocale = (): Locale => (['zh-CN', 'en'] as const).find((l) => messagesFor(l) === messages()) ?? 'zh-CN';

interface Reviewed {
  document: TargetDocument;
  findings: Finding[];
}

type Checked = { file: string; ok: true; reviewed: Reviewed[] } | { file: string; ok: false; message: string };

/**
 * A form another province prints is reviewed as that form (its 一级, columns and weights), jixiao's own
 * formats by year; a 自评表's statements still holding the template's instructions are findings too.
 */
const reviewed = (document: TargetDocument, read: Extract<FileResult, { ok: true }>, locale: Locale): Reviewed => ({
  document,
  findings: [
    ...reviewDocument(document, { locale, profile: read.profile ?? undefined }),
    ...documentStatementFindings(document, read.actuals, locale),
  ],
});

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const m = messages().cli;
  const locale = currentLocale();
  const { files, problems } = await expandInputs(paths);
  if (files.length === 0 && problems.length === 0) problems.push(m.inputs.noFiles);
  const checked: Checked[] = [];
  const notes: string[] = [];
  const progress = startProgress(files.length);
  for (const file of files) {
    const result = await readInputFile(file, options.year === undefined ? {} : { year: options.year });
    progress.tick(file);
    const note = recognisedNote(result);
    if (note !== null) notes.push(note);
    checked.push(result.ok ? { file, ok: true, reviewed: result.documents.map((document) => reviewed(document, result, locale)) } : result);
  }
  progress.stop();

  for (const note of notes) process.stderr.write(`${note}\n`);
  for (const p of problems) process.stderr.write(`${p}\n`);
  for (const c of checked) if (!c.ok) process.stderr.write(`${c.message}\n`);
  const unreadable = problems.length + checked.filter((c) => !c.ok).length;

  if (options.format === 'json') process.stdout.write(`${JSON.stringify(asJson(checked, files.length > 1), null, 2)}\n`);
  else process.stdout.write(asTables(checked, files.length + problems.length, unreadable));

  if (unreadable > 0) return 2;
  const hasErrors = checked.some((c) => c.ok && c.reviewed.some((r) => r.findings.some((f) => f.severity === 'error')));
  return hasErrors ? 1 : 0;
}

function asJson(checked: readonly Checked[], withFile: boolean) {
  return checked.flatMap((c) =>
    c.ok
      ? c.reviewed.flatMap((r) =>
          r.findings.map((f) => ({
            ...(withFile ? { file: c.file } : {}),
            ruleId: f.ruleId,
            severity: f.severity,
            projectCode: f.projectCode,
            indicatorIndex: f.indicatorIndex,
            field: f.field,
            message: f.message,
            suggestion: f.suggestion,
          })),
        )
      : [],
  );
}

interface Counts {
  projects: number;
  indicators: number;
  findings: Record<Severity, number>;
}

const countOf = (reviewed: readonly Reviewed[]): Counts => {
  const all = reviewed.flatMap((r) => r.findings);
  const projects = reviewed.flatMap((r) => r.document.projects);
  return { projects: projects.length, indicators: projects.reduce((n, p) => n + p.indicators.length, 0), findings: summarize(all) };
};

function summaryLine(c: Counts): string {
  return messages().cli.check.summary(c.projects, c.indicators, c.findings.error, c.findings.warning, c.findings.info);
}

/** `inputs`: the files and missing paths asked for; `unreadable`: how many of them could not be read. */
function asTables(checked: readonly Checked[], inputs: number, unreadable: number): string {
  const several = inputs > 1;
  const m = messages().cli.check;
  const out: string[] = [];
  const totals: Reviewed[] = [];
  for (const c of checked) {
    if (!c.ok) continue;
    out.push(m.fileHeading(c.file));
    for (const r of c.reviewed) {
      const unit = `${r.document.unit.code ?? ''} ${r.document.unit.name}`.trim();
      out.push(m.unitHeading(unit, r.document.year === null ? m.noYear : String(r.document.year)));
      out.push(r.findings.length === 0 ? m.noFindings : findingsTable(r.findings));
    }
    out.push(summaryLine(countOf(c.reviewed)), '');
    totals.push(...c.reviewed);
  }
  if (several) out.push(m.total(inputs, unreadable, summaryLine(countOf(totals))), '');
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

function findingsTable(findings: readonly Finding[]): string {
  const m = messages();
  const head = m.cli.check.head;
  const width = Math.max(100, process.stdout.columns ?? 120);
  // Fixed columns for severity/rule (as wide as the longest rule id), project and row;
  // the rest is shared by message and suggestion.
  const ruleWidth = Math.min(40, Math.max(12, ...findings.map((f) => f.ruleId.length)) + 2);
  const fixed = [ruleWidth, 19, 6];
  const free = width - fixed.reduce((a, b) => a + b, 0) - 6;
  const widths = [...fixed, Math.ceil(free * 0.55), Math.floor(free * 0.45)];
  const table = new Table({
    head: [`${head.severity}/${head.rule}`, head.project, head.row, head.message, head.suggestion],
    colWidths: widths,
    style: { head: [], border: [] },
  });
  const wrap = (text: string, column: number) => wrapToWidth(text, widths[column]! - 2);
  for (const f of findings) {
    table.push([
      wrap(`${m.review.severity[f.severity]}\n${f.ruleId}`, 0),
      wrap(f.projectCode ?? '—', 1),
      f.indicatorIndex === null ? '' : String(f.indicatorIndex),
      wrap(f.message, 3),
      wrap(f.suggestion, 4),
    ]);
  }
  return table.toString();
}
