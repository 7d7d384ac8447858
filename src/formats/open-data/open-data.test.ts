import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { readExchangeJson } from '../json/exchange.ts';
import { LAYOUT_VARIATIONS, generatedDocuments, seedDocuments } from '../publication/fixtures.testing.ts';
import { indicatorsTable, projectsTable, toCsv } from './csv.ts';
import { dataPackageDescriptor, openDataFiles } from './data-package.ts';

const text = (data: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);

function filesOf(docs: readonly TargetDocument[]): Map<string, string> {
  return new Map(openDataFiles(docs).map((f) => [f.name, text(f.data)]));
}

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

  it('one indicator row per indicator, numbered within its project', () => {
    const docs = seedDocuments();
    const rows = csvRows(toCsv(indicatorsTable(docs)));
    expect(rows).toHaveLength(1 + 32);
    expect(rows[1]!.slice(3, 8)).toEqual(['315-0105-JBN-2D9U', '1', 'annual', '产出指标', '数量指标']);
  });
});

/**
 * The descriptor, checked against the Frictionless Data Package (v1) rules for the properties it uses:
 * names, profiles, paths of files in the package, Table Schema field types and constraints, keys.
 */
describe('Frictionless data package', () => {
  const NAME = /^[-a-z0-9._/]+$/;
  const TYPES = [
    'string',
    'number',
    'integer',
    'boolean',
    'object',
    'array',
    'date',
    'time',
    'datetime',
    'year',
    'yearmonth',
    'duration',
    'geopoint',
    'geojson',
    'any',
  ];

  for (const [label, docs] of [
    ['the seed', seedDocuments()],
    ['generated, every variation', generatedDocuments(LAYOUT_VARIATIONS.everything!)],
  ] as const) {
    it(`describes its files exactly (${label})`, () => {
      const files = filesOf(docs);
      const descriptor = JSON.parse(files.get('datapackage.json')!) as ReturnType<typeof dataPackageDescriptor>;
      expect(descriptor).toEqual(JSON.parse(JSON.stringify({ ...dataPackageDescriptor(docs), created: descriptor.created })));
      expect(descriptor.profile).toBe('data-package');
      expect(descriptor.name).toMatch(NAME);
      expect(descriptor.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const names = descriptor.resources.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
      for (const resource of descriptor.resources) {
        expect(resource.name).toMatch(NAME);
        expect(files.has(resource.path)).toBe(true);
        expect(resource.encoding).toBe('utf-8');
        if (!('dialect' in resource)) {
          // The JSON resource: the exchange format, valid against its JSON Schema (read back strictly).
          expect(resource).toMatchObject({ profile: 'data-resource', format: 'json', mediatype: 'application/json' });
          expect(files.has(resource.schema)).toBe(true);
          expect(readExchangeJson(files.get(resource.path)!, { fileName: resource.path })).toEqual(docs);
          continue;
        }
        expect(resource).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv' });
        const schema = resource.schema;
        const fieldNames: string[] = schema.fields.map((f) => f.name);
        const [header, ...rows] = csvRows(files.get(resource.path)!);
        expect(header).toEqual(fieldNames);
        expect(rows.length).toBeGreaterThan(0);
        for (const key of schema.primaryKey) expect(fieldNames).toContain(key);
        const keys = rows.map((r) => JSON.stringify(schema.primaryKey.map((k) => r[fieldNames.indexOf(k)])));
        expect(new Set(keys).size).toBe(rows.length);
        schema.fields.forEach((field, i) => {
          expect(TYPES).toContain(field.type);
          expect(field.title).not.toBe('');
          for (const row of rows) {
            const value = row[i]!;
            if (schema.missingValues.includes(value)) {
              expect(field.constraints?.required ?? false).toBe(false);
              continue;
            }
            if (field.type === 'number') expect(value).toMatch(/^-?\d+(\.\d+)?$/);
            if (field.type === 'integer') expect(value).toMatch(/^-?\d+$/);
            if (field.type === 'year') expect(value).toMatch(/^\d{4}$/);
            if (field.constraints?.enum) expect(field.constraints.enum).toContain(value);
          }
        });
        for (const fk of schema.foreignKeys ?? []) {
          const target = descriptor.resources.find((r) => r.name === fk.reference.resource)!;
          expect('dialect' in target).toBe(true);
          const targetFields: string[] = (target as typeof resource).schema.fields.map((f) => f.name);
          for (const f of fk.reference.fields) expect(targetFields).toContain(f);
          const [, ...targetRows] = csvRows(files.get(target.path)!);
          const targetKeys = new Set(targetRows.map((r) => JSON.stringify(fk.reference.fields.map((f) => r[targetFields.indexOf(f)]))));
          for (const row of rows) expect(targetKeys.has(JSON.stringify(fk.fields.map((f) => row[fieldNames.indexOf(f)])))).toBe(true);
        }
      }
    });
  }
});
