import type { Messages } from '../zh-CN/index.ts';

export const cli: Messages['cli'] = {
  description: 'jixiao — import, review, publish, monitor and self-evaluate budget performance targets',
  langOption: 'language: zh-CN (default) or en',
  helpOption: 'display help',
  helpCommand: 'display help for a command',
  defaultValue: (value) => ` (default: ${value})`,
  inputs: {
    filesArgument: 'files or folders (a folder means every importable file in it, recursively)',
    yearOption: 'budget year, overriding the year the file states or implies',
    notFound: (path) => `${path}: no such file or folder`,
    unreadable: (path, reason) => `${path}: cannot be read (${reason})`,
    noFiles: 'no importable files found (.docx, .doc, .xlsx, .xls, .html, .txt, .json)',
    recognised: (path, region, title, id) => `${path}: read as the form "${title}" of ${region} (${id})`,
    badYear: (value) => `the year should be four digits between 1990 and 2100, not "${value}"`,
    progress: '{bar} {value}/{total} files {file}',
  },
  import: {
    description: "read target files and print the exchange JSON (amounts as decimal strings); provinces' published tables are read too",
    outputOption: 'write to a file instead of the screen',
    failed: (count) => `${count} file(s) could not be read; nothing was written`,
    wrote: (path, documents, projects) => `wrote ${path}: ${documents} unit document(s), ${projects} project(s)`,
    actualsNotExported: (path) =>
      `${path}: a self-evaluation form; its actual values, scores and conclusions are not in the exchange JSON (only the targets are); evaluate it with jixiao evaluate ${path}`,
  },
  check: {
    description:
      'review performance targets and list the findings per file; exit 0 without errors, 1 with errors, 2 when a file cannot be read',
    formatOption: 'output format: table (default) or json',
    badFormat: (value) => `the format should be table or json, not "${value}"`,
    fileHeading: (file) => `File: ${file}`,
    unitHeading: (unit, year) => `Unit: ${unit}  Year: ${year}`,
    noYear: 'not stated',
    head: { severity: 'Severity', rule: 'Rule', project: 'Project', row: 'Row', message: 'Finding', suggestion: 'Suggestion' },
    noFindings: 'No findings.',
    summary: (projects, indicators, errors, warnings, infos) =>
      `${projects} project(s), ${indicators} indicator(s); ${errors} error(s), ${warnings} warning(s), ${infos} info`,
    total: (files, unreadable, summary) => `Total, ${files} file(s)${unreadable > 0 ? ` (${unreadable} unreadable)` : ''}: ${summary}`,
  },
};
