import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { readExchangeJson } from '../json/exchange.ts';
import { LAYOUT_VARIATIONS, generatedDocuments, seedDocuments } from '../publication/fixtures.testing.ts';
import { indicatorsTable, projectsTable, toCsv } from './csv.ts';
import { dataPackageDescriptor, openDataFiles } from './data-package.ts';

const text = (data: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);

const csvRows = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ''), { relaxQuotes: false }) as string[][];

describe('CSV', () => {
  it('UTF-8 with a byte-order mark, CRLF, quoted where needed, amounts as the exact decimals', () => {
    const [seed] = seedDocuments();
    const csv = toCsv(projectsTable([seed!]));
    expect(csv.startsWith('\uFEFFunit_code,unit_name,year,project_code,')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = csvRows(csv);
    expect(rows).toHaveLength(7);
    const header = rows[0]!;
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(first).toMatchObject({
      unit_code: '315002',
      year: '2020',
      project_code: '315-0105-JBN-2D9U',
      budget_total: '5.00',
      budget_other: '',
    });
    expect(first.annual_goals).toBe(seed!.projects[0]!.goals.map((g) => g.text).join('\n'));
    const total = rows.slice(1).reduce((sum, r) => sum + Math.round(Number(r[header.indexOf('budget_total')]) * 100), 0);
    expect(total).toBe(9110);
  });

  it('a comma, a quote and a line break in a cell survive a CSV reader', () => {
    const [doc] = generatedDocuments({});
    const p = doc!.projects[0]!;
    const tricky: TargetDocument = { ...doc!, projects: [{ ...p, name: '“甲,乙” "丙"\n丁' }] };
    const rows = csvRows(toCsv(projectsTable([tricky])));
    expect(rows[1]![rows[0]!.indexOf('project_name')]).toBe('“甲,乙” "丙"\n丁');
  });

  it('no text cell can start a formula in a spreadsheet, and numeric columns keep negative amounts', () => {
    const [doc] = generatedDocuments({});
    const p = doc!.projects[0]!;
    const hostile: TargetDocument = {
      ...doc!,
      projects: [
        {
          ...p,
          name: '=HYPERLINK("http://example.invalid","点击")',
          useOfFunds: "=cmd|' /C calc'!A0",
          budget: { ...p.budget, other: '-5.00' },
          indicators: p.indicators.map((i) => ({ ...i, target: '-2+3', description: '@SUM(A1)' })),
        },
      ],
    };
    const [header, row] = csvRows(toCsv(projectsTable([hostile])));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('project_name')).toBe(`'=HYPERLINK("http://example.invalid","点击")`);
    expect(cell('use_of_funds')).toBe("'=cmd|' /C calc'!A0");
    expect(cell('budget_other')).toBe('-5.00');
    const [iHeader, ...iRows] = csvRows(toCsv(indicatorsTable([hostile])));
    for (const r of iRows) {
      expect(r[iHeader!.indexOf('target')]).toBe("'-2+3");
      expect(r[iHeader!.indexOf('description')]).toBe("'@SUM(A1)");
    }
  });

  it('the columns only some provinces print, after the others, weights as numbers and empty where a form has none', () => {
    const docs = generatedDocuments({ provincial: true });
    const [header, ...rows] = csvRows(toCsv(indicatorsTable(docs)));
    expect(header!.slice(-8)).toEqual([
      'nature',
      'measure_unit',
      'weight',
      'direction',
      'explanation',
      'origin',
      'previous_year',
      'year_before_last',
    ]);
    const indicators = docs.flatMap((d) => d.projects.flatMap((p) => p.indicators));
    expect(rows.map((r) => r[header!.indexOf('weight')])).toEqual(indicators.map((i) => i.weight ?? ''));
    expect(rows.map((r) => r[header!.indexOf('measure_unit')])).toEqual(indicators.map((i) => i.measureUnit ?? ''));
    const [pHeader, ...pRows] = csvRows(toCsv(projectsTable(docs)));
    expect(pHeader!.slice(-6)).toEqual([
      'category',
      'construction_period',
      'manager',
      'approval_number',
      'subject_code',
      'budget_medium_term',
    ]);
    const projects = docs.flatMap((d) => d.projects);
    expect(pRows.map((r) => r.at(-1))).toEqual(projects.map((p) => p.budget.mediumTerm ?? ''));
    expect(pRows.map((r) => r[pHeader!.indexOf('manager')])).toEqual(projects.map((p) => p.manager ?? ''));
  });

  it('the 部门整体支出绩效目标表 as three more tables, only where a document has one', () => {
    const docs = generatedDocuments({ provincial: true });
    const names = (d: readonly TargetDocument[]) => openDataFiles(d).map((f) => f.name);
    expect(names(docs)).toEqual(expect.arrayContaining(['department_funds.csv', 'department_duties.csv', 'department_indicators.csv']));
    expect(names(seedDocuments())).not.toContain('department_funds.csv');
    const funds = csvRows(text(openDataFiles(docs).find((f) => f.name === 'department_funds.csv')!.data));
    expect(funds.slice(1).map((r) => r.slice(4))).toEqual(
      docs.map((d) => [d.department!.funds!.total, d.department!.funds!.project, d.department!.funds!.basic]),
    );
  });

  it('one indicator row per indicator, numbered within its project', () => {
    const docs = seedDocuments();
    const rows = csvRows(toCsv(indicatorsTable(docs)));
    expect(rows).toHaveLength(1 + 32);
    expect(rows[1]!.slice(3, 8)).toEqual(['315-0105-JBN-2D9U', '1', 'annual', '产出指标', '数量指标']);
  });
});

type Descriptor = ReturnType<typeof dataPackageDescriptor>;
type Resource = Descriptor['resources'][number];

const NAME = /^[-a-z0-9._/]+$/;
const BOM = [0xef, 0xbb, 0xbf];
/** Table Schema v1's lexical forms for the types the package uses (number with `.` as decimalChar, bare). */
const LEXICAL: Record<string, RegExp> = {
  string: /[\s\S]*/,
  number: /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|NaN|[-+]?INF)$/,
  integer: /^[-+]?\d+$/,
  year: /^-?\d{4}$/,
};

const keyOf = (row: readonly string[], key: readonly string[], names: readonly string[]) =>
  JSON.stringify(key.map((k) => row[names.indexOf(k)]));

/**
 * The package checked by the Frictionless (v1) rules, as a list of problems: the descriptor's required
 * properties and profiles, then every CSV against its resource — encoding and dialect, the header
 * against the Table Schema's fields in order, every cell against its field's type and constraints,
 * primary keys unique, foreign keys resolved. None of Frictionless's validators runs on
 * Node and its JSON Schema profiles are not installed, so this is written out.
 */
function frictionlessProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const d = JSON.parse(text(files.get('datapackage.json')!)) as Descriptor;
  check(d.profile === 'tabular-data-package', 'package profile');
  check(NAME.test(d.name), 'package name');
  check(typeof d.title === 'string' && d.title !== '', 'package title');
  check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(d.created), 'created is no ISO date-time');
  check(d.licenses.length > 0, 'no licence');
  for (const l of d.licenses) check(NAME.test(l.name.toLowerCase()) && /^https:\/\//.test(l.path), `licence ${l.name}`);
  check(d.resources.length > 0 && new Set(d.resources.map((r) => r.name)).size === d.resources.length, 'resource names');
  const tables = new Map<string, { resource: Resource; rows: string[][] }>();
  for (const r of d.resources) {
    const where = r.name;
    check(NAME.test(r.name), `${where}: name`);
    check(r.profile === 'tabular-data-resource' && r.format === 'csv' && r.mediatype === 'text/csv', `${where}: profile/format`);
    const data = files.get(r.path);
    if (data === undefined) {
      problems.push(`${where}: no file ${r.path}`);
      continue;
    }
    const hasBom = BOM.every((b, i) => data[i] === b);
    check(hasBom === (r.encoding === 'utf-8-sig') && ['utf-8', 'utf-8-sig'].includes(r.encoding), `${where}: encoding`);
    const csv = new TextDecoder('utf-8', { fatal: true }).decode(data);
    check(r.dialect.header && csv.endsWith(r.dialect.lineTerminator), `${where}: dialect`);
    const [header = [], ...rows] = parse(csv, {
      delimiter: r.dialect.delimiter,
      quote: r.dialect.quoteChar,
      record_delimiter: r.dialect.lineTerminator,
      relax_quotes: false,
    }) as string[][];
    const { fields, primaryKey, missingValues } = r.schema;
    const names: string[] = fields.map((f) => f.name);
    check(new Set(names).size === names.length, `${where}: field names repeat`);
    check(JSON.stringify(header) === JSON.stringify(names), `${where}: header ${header.join()} is not the fields' names`);
    for (const [i, field] of fields.entries()) {
      check(field.title !== '', `${where}.${field.name}: title`);
      const constraints: { required?: boolean; enum?: string[] } = field.constraints ?? {};
      for (const c of Object.keys(constraints)) check(['required', 'enum'].includes(c), `${where}.${field.name}: unchecked ${c}`);
      const lexical = LEXICAL[field.type];
      if (lexical === undefined) {
        problems.push(`${where}.${field.name}: type ${field.type}`);
        continue;
      }
      for (const [n, row] of rows.entries()) {
        const cell = row[i]!;
        const at = `${where} row ${n + 2} ${field.name}`;
        if (missingValues.includes(cell)) check(!(constraints.required ?? false), `${at}: required`);
        else {
          check(lexical.test(cell), `${at}: ${JSON.stringify(cell)} is no ${field.type}`);
          check(constraints.enum?.includes(cell) ?? true, `${at}: ${cell} not in the enum`);
        }
      }
    }
    for (const k of primaryKey) check(names.includes(k), `${where}: primary key ${k} is no field`);
    check(new Set(rows.map((row) => keyOf(row, primaryKey, names))).size === rows.length, `${where}: primary key repeats`);
    tables.set(r.name, { resource: r, rows });
  }
  for (const { resource: r, rows } of tables.values()) {
    const names: string[] = r.schema.fields.map((f) => f.name);
    for (const fk of r.schema.foreignKeys ?? []) {
      const target = tables.get(fk.reference.resource);
      if (target === undefined) {
        problems.push(`${r.name}: foreign key to ${fk.reference.resource}`);
        continue;
      }
      const targetNames: string[] = target.resource.schema.fields.map((f) => f.name);
      const known = new Set(target.rows.map((row) => keyOf(row, fk.reference.fields, targetNames)));
      for (const [n, row] of rows.entries())
        check(known.has(keyOf(row, fk.fields, names)), `${r.name} row ${n + 2}: foreign key unresolved`);
    }
  }
  return problems;
}

const packageFiles = (docs: readonly TargetDocument[]) => new Map(openDataFiles(docs).map((f) => [f.name, f.data]));

describe('Frictionless data package', () => {
  for (const [label, docs] of [
    ['the seed', seedDocuments()],
    ['generated, every variation', generatedDocuments(LAYOUT_VARIATIONS.everything!)],
    ['generated, the columns only some provinces print', generatedDocuments({ provincial: true, longTerm: true })],
  ] as const) {
    it(`is valid by the Tabular Data Package rules (${label})`, () => {
      const files = packageFiles(docs);
      expect(frictionlessProblems(files)).toEqual([]);
      const descriptor = JSON.parse(text(files.get('datapackage.json')!)) as Descriptor;
      expect(descriptor).toEqual(JSON.parse(JSON.stringify({ ...dataPackageDescriptor(docs), created: descriptor.created })));
      expect(descriptor.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
      for (const r of descriptor.resources) expect(parse(text(files.get(r.path)!)).length).toBeGreaterThan(1);
      // The complete documents travel beside the tables, valid against their JSON Schema (read back strictly).
      expect(readExchangeJson(text(files.get('documents.json')!), { fileName: 'documents.json' })).toEqual(docs);
      expect(files.has('jixiao.targets.v1.schema.json')).toBe(true);
    });
  }

  it('a cell neutralised against formulas is still a valid string', () => {
    const [doc] = generatedDocuments({});
    const p = doc!.projects[0]!;
    const hostile: TargetDocument = {
      ...doc!,
      projects: [{ ...p, name: '=1+1', indicators: p.indicators.map((i) => ({ ...i, level3: '+cmd', target: '-2+3' })) }],
    };
    const files = packageFiles([hostile]);
    expect(text(files.get('projects.csv')!)).toContain(",'=1+1,");
    expect(frictionlessProblems(files)).toEqual([]);
  });

  it('the check finds what breaks the rules', () => {
    const files = packageFiles(seedDocuments());
    const csv = (name: string) => text(files.get(name)!);
    const broken = (name: string, data: string) => frictionlessProblems(new Map([...files, [name, new TextEncoder().encode(data)]]));
    const descriptor = JSON.parse(text(files.get('datapackage.json')!)) as Descriptor;
    const edited = (edit: (d: Descriptor) => void) => {
      const copy = structuredClone(descriptor);
      edit(copy);
      return broken('datapackage.json', JSON.stringify(copy));
    };
    expect(broken('projects.csv', csv('projects.csv').replace('\uFEFF', ''))).toEqual(['projects: encoding']);
    expect(broken('projects.csv', csv('projects.csv').replace('unit_name,year', 'year,unit_name'))[0]).toMatch(/header/);
    expect(broken('projects.csv', csv('projects.csv').replace(',5.00,', ',5，00,'))).toEqual([
      'projects row 2 budget_total: "5，00" is no number',
    ]);
    expect(broken('indicators.csv', csv('indicators.csv').replace(',annual,', ',年度,'))).toEqual([
      'indicators row 2 term: 年度 not in the enum',
    ]);
    expect(broken('indicators.csv', csv('indicators.csv').replace(',2,annual,', ',1,annual,'))).toEqual([
      'indicators: primary key repeats',
    ]);
    expect(broken('spending_plan.csv', csv('spending_plan.csv').replace('315-0105-JBN-2D9U', 'X'))).toContain(
      'spending_plan row 2: foreign key unresolved',
    );
    expect(edited((d) => (d.resources[0]!.schema.fields[3]!.constraints = { required: true }))).toEqual([]);
    expect(edited((d) => (d.resources[0]!.schema.fields[13]!.constraints = { required: true }))).toContain(
      'projects row 2 budget_other: required',
    );
    expect(edited((d) => (d.licenses = []))).toEqual(['no licence']);
  });
});
