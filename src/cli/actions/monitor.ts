/**
 * `jixiao monitor TARGETS... --actuals A --at DATE`: in-year monitoring of target documents against
 * an actuals file, printed as Chinese tables (projects with their light, plan against execution,
 * indicator progress, what must still be explained) or as JSON (the core's UnitMonitoring per unit,
 * with the file it came from; decimals as strings). `--to xlsx|docx -o OUT` also writes the 监控表.
 *
 * Exit code: 2 when a file cannot be read; 1 when a yellow or red project (or an indicator judged
 * 完全不可能) lacks its mandatory cause and corrective measure; else 0. A red light that is explained
 * is a correct report, not a failure.
 */
import type { FormProfile } from '../../core/forms/profile.ts';
import { readFile, rename, writeFile } from 'node:fs/promises';
import Table from 'cli-table3';
import type { Actuals, ProjectActuals } from '../../core/actuals/actuals.ts';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { Finding } from '../../core/review/finding.ts';
import { monitorDocument, type ProjectMonitoring, type UnitMonitoring } from '../../core/monitoring/monitor.ts';
import { readActualsFile } from '../../formats/actuals/read-actuals.ts';
import { ImportError } from '../../formats/import-error.ts';
import { writeMonitoringDocx, writeMonitoringXlsx } from '../../formats/monitoring-report/write.ts';
import { messages } from '../../i18n/index.ts';
import { expandInputs, readInputFile } from '../inputs.ts';
import { startProgress } from '../progress.ts';
import { wrapToWidth } from '../text-width.ts';

export type OutputFormat = 'table' | 'json';
export type ReportKind = 'xlsx' | 'docx';

/** What both monitor and evaluate take. */
export interface YearOptions {
  /** The actuals file; may be left out when the targets are 自评表s, which carry their own. */
  actuals?: string;
  year?: number;
  format: OutputFormat;
  to?: ReportKind;
  output?: string;
}

export interface MonitorOptions extends YearOptions {
  at: IsoDate;
}

const text = () => messages().monitoring.cli;

export interface LoadedYear {
  /** Each document with the file it came from, and the form profile another province's form was recognised as. */
  documents: { file: string; document: TargetDocument; profile: FormProfile | undefined }[];
  actuals: Actuals;
}

/**
 * Reads the target files (folders expanded, progress on a terminal) and the actuals file checked
 * against them. Prints every problem and returns null when anything could not be read.
 */
export async function loadYear(paths: readonly string[], options: YearOptions): Promise<LoadedYear | null> {
  const cli = messages().cli;
  const { files, problems } = await expandInputs(paths);
  if (files.length === 0 && problems.length === 0) problems.push(cli.inputs.noFiles);
  const documents: LoadedYear['documents'] = [];
  /** What 自评表s report beside their targets: the year's actuals when no actuals file is given. */
  const reported: ProjectActuals[] = [];
  const progress = startProgress(files.length);
  for (const file of files) {
    const result = await readInputFile(file, options.year === undefined ? {} : { year: options.year });
    progress.tick(file);
    if (result.ok) {
      documents.push(...result.documents.map((document) => ({ file, document, profile: result.profile ?? undefined })));
      reported.push(...(result.actuals?.projects ?? []));
    } else problems.push(result.message);
  }
  progress.stop();
  let actuals: Actuals | null = null;
  if (problems.length === 0 && options.actuals === undefined) {
    if (reported.length > 0) actuals = { projects: reported };
    else problems.push(text().needActuals);
  } else if (problems.length === 0)
    try {
      const path = options.actuals!;
      const bytes = new Uint8Array(await readFile(path));
      const recorded = await readActualsFile(
        bytes,
        path,
        documents.map((d) => d.document),
      );
      // An actuals file speaks for the projects it lists; a 自评表's own figures stand for the rest.
      const listed = new Set(recorded.projects.map((p) => p.projectCode));
      actuals = { projects: [...recorded.projects, ...reported.filter((p) => !listed.has(p.projectCode))] };
    } catch (e) {
      if (e instanceof ImportError) problems.push(e.message);
      else if ((e as NodeJS.ErrnoException).code !== undefined)
        problems.push(cli.inputs.unreadable(options.actuals!, (e as NodeJS.ErrnoException).code!));
      else throw e;
    }
  if (problems.length > 0 || actuals === null) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.stderr.write(`${text().failed(problems.length)}\n`);
    return null;
  }
  return { documents, actuals };
}

/** The export's format: --to, or the output's extension. Null (after saying why) when neither tells. */
export function reportKind(options: YearOptions): ReportKind | null | undefined {
  if (options.to === undefined && options.output === undefined) return undefined;
  if (options.output === undefined) {
    process.stderr.write(`${text().needOutput}\n`);
    return null;
  }
  const kind = options.to ?? (/\.(xlsx|docx)$/i.exec(options.output)?.[1]?.toLowerCase() as ReportKind | undefined);
  if (kind === undefined) process.stderr.write(`${text().needKind(options.output)}\n`);
  return kind ?? null;
}

/** Writes a file whole or not at all: to a temporary name first, then renamed into place. */
export async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  process.stderr.write(`${text().wrote(path)}\n`);
}

/** A percentage cell: "95.00%", or a dash where there is none. */
export const percent = (p: string | null) => (p === null ? '—' : `${p}%`);

export const unitLabel = (u: { code: string | null; name: string }) => `${u.code ?? ''} ${u.name}`.trim();

const tableWidth = () => Math.max(100, process.stdout.columns ?? 120);

/** A terminal table whose cells are wrapped to their columns (CJK is two columns wide). */
export function textTable(head: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): string {
  const table = new Table({
    head: head.map((h, i) => wrapToWidth(h, widths[i]! - 2)),
    colWidths: [...widths],
    style: { head: [], border: [] },
  });
  for (const row of rows) table.push(row.map((cell, i) => wrapToWidth(cell, widths[i]! - 2)));
  return table.toString();
}

/** Findings as a table: severity and rule, project, row, message and suggestion. */
export function findingsTable(findings: readonly Finding[]): string {
  const m = text();
  const fixed = [Math.min(36, Math.max(...findings.map((f) => f.ruleId.length)) + 2), 19, 5];
  const free = tableWidth() - fixed.reduce((a, b) => a + b, 0) - 6;
  return textTable(
    [`${m.head.severity}`, m.head.project, m.head.row, m.head.message, m.head.suggestion],
    [...fixed, Math.ceil(free * 0.6), Math.floor(free * 0.4)],
    findings.map((f) => [
      `${m.severity[f.severity]}\n${f.ruleId}`,
      f.projectCode ?? '—',
      f.indicatorIndex === null ? '' : String(f.indicatorIndex),
      f.message,
      f.suggestion,
    ]),
  );
}

export async function runMonitor(paths: string[], options: MonitorOptions): Promise<number> {
  return reportYear(paths, options, {
    judge: (document, actuals) => monitorDocument(document, actuals, options.at),
    tables: unitTables,
    write: { xlsx: writeMonitoringXlsx, docx: writeMonitoringDocx },
  });
}

/** How monitor or evaluate judges each document, prints a unit as tables, and writes its report. */
export interface YearReport<R extends { findings: readonly Finding[] }> {
  /** `profile`: the form the document was read as, where another province's (scoring follows its weights). */
  judge: (document: TargetDocument, actuals: Actuals, profile: FormProfile | undefined) => R;
  tables: (result: R) => string;
  write: Record<ReportKind, (results: R[]) => Promise<Uint8Array>>;
}

/**
 * Judges every document of the year against its actuals, prints each unit (tables or JSON with the
 * file it came from) and writes the report when asked. Returns the exit code: 2 when something
 * could not be read, 1 when a finding is an error, else 0.
 */
export async function reportYear<R extends { findings: readonly Finding[] }>(
  paths: readonly string[],
  options: YearOptions,
  report: YearReport<R>,
): Promise<number> {
  const kind = reportKind(options);
  if (kind === null) return 2;
  const year = await loadYear(paths, options);
  if (year === null) return 2;
  const units = year.documents.map(({ file, document, profile }) => ({ file, result: report.judge(document, year.actuals, profile) }));

  if (options.format === 'json')
    process.stdout.write(
      `${JSON.stringify(
        units.map((u) => ({ file: u.file, ...u.result })),
        null,
        2,
      )}\n`,
    );
  else process.stdout.write(units.map((u) => report.tables(u.result)).join('\n'));

  if (kind !== undefined) await writeWhole(options.output!, await report.write[kind](units.map((u) => u.result)));
  return units.some((u) => u.result.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function unitTables(u: UnitMonitoring): string {
  const m = messages().monitoring;
  const t = m.table;
  const out = [text().unitHeading(unitLabel(u.unit), u.year, u.date)];
  out.push(
    textTable(
      [t.projectCode, t.projectName, t.budget, t.spent, t.rate, t.planned, t.shortfall, t.light, t.indicators],
      [20, 26, 12, 12, 9, 16, 9, 7, 16],
      u.projects.map((p) => [
        p.projectCode,
        p.projectName,
        p.execution.budget ?? '—',
        p.execution.spent,
        percent(p.execution.rate),
        `${percent(p.execution.planned)}\n${p.execution.checkpoint?.label ?? t.noCheckpoint}`,
        p.execution.shortfall ?? '—',
        m.lights[p.light],
        indicatorSummary(p),
      ]),
    ),
  );
  // Rows with something to show: a value so far, or the unit's judgement of them.
  const reported = u.projects.flatMap((p) =>
    p.indicators
      .filter((i) => i.actual !== null || i.explanation.likelihood !== null || i.explanation.cause !== null || i.explanation.measure !== '')
      .map((i) => ({ p, i })),
  );
  if (reported.length > 0)
    out.push(
      textTable(
        [t.projectCode, t.index, t.indicator, t.target, t.actual, t.progress, t.likelihood, t.cause, t.measure],
        [20, 6, 24, 9, 12, 10, 12, 20, 20],
        reported.map(({ p, i }) => [
          p.projectCode,
          String(i.index),
          i.level3 || i.description,
          i.target,
          i.actual?.value ?? '—',
          i.progress !== null ? `${i.progress}%` : i.completion.kind === 'qualitative' ? m.bands[i.completion.band] : '—',
          i.explanation.likelihood === null ? '' : m.likelihoods[i.explanation.likelihood],
          i.explanation.cause === null ? '' : `${m.causeCategories[i.explanation.cause.category]}：${i.explanation.cause.text}`,
          i.explanation.measure,
        ]),
      ),
    );
  out.push(t.findings, u.findings.length === 0 ? t.noFindings : findingsTable(u.findings));
  out.push(t.summary(u.lights.green, u.lights.yellow, u.lights.red, u.unreported), '');
  return out.join('\n');
}

function indicatorSummary(p: ProjectMonitoring): string {
  const met = p.indicators.filter((i) => i.completion.kind !== 'notComparable' && i.completion.met).length;
  const noData = p.indicators.filter((i) => i.actual === null).length;
  return messages().monitoring.table.indicatorSummary(met, p.indicators.length, noData);
}
