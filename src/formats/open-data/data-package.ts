/**
 * Published documents as open data: a Frictionless Tabular Data Package (datapackage.json, spec v1)
 * describing three CSV tables (projects, indicators, spending plans) with their Table Schemas and keys.
 * The complete documents travel beside them in jixiao's exchange JSON with its JSON Schema, named in the
 * description but not listed as a resource: a tabular package admits tabular resources only, and a
 * Frictionless validator would read a resource's `schema` as a Table Schema, which a JSON Schema is not.
 */
import { AmountUnit, ProjectAttribute, Term, type TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';
import { writeExchangeJson } from '../json/exchange.ts';
import { exchangeSchemaText } from '../json/schema-file.ts';
import type { BundleFile } from '../publication/zip.ts';
import {
  DEPARTMENT_FUNDS_FIELDS,
  DEPARTMENT_INDICATOR_FIELDS,
  DUTY_FIELDS,
  FIELD_TYPES,
  INDICATOR_FIELDS,
  PROJECT_FIELDS,
  SPENDING_PLAN_FIELDS,
  departmentFundsTable,
  departmentIndicatorsTable,
  dutiesTable,
  hasDepartmentTable,
  indicatorsTable,
  projectsTable,
  spendingPlanTable,
  toCsv,
} from './csv.ts';

type FieldName = keyof ReturnType<typeof messages>['publication']['openData']['fields'];
const literals = (union: { anyOf: readonly object[] }) =>
  union.anyOf.flatMap((l) => ('const' in l && typeof l.const === 'string' ? [l.const] : []));
// 一级指标 gets no enum: the model keeps the text as written (aliases such as 产出 included), and the
// review, not the export, is where an unknown one is reported.
const ENUMS: Partial<Record<FieldName, string[]>> = {
  attribute: literals(ProjectAttribute),
  amount_unit: literals(AmountUnit),
  term: literals(Term),
};
const REQUIRED: readonly FieldName[] = ['unit_name', 'project_code', 'index', 'checkpoint_index', 'term', 'amount_unit'];

const KEY = ['unit_code', 'unit_name', 'year', 'project_code'];
const UNIT_KEY = ['unit_code', 'unit_name', 'year'];

const SCHEMA_FILE_NAME = 'jixiao.targets.v1.schema.json';

function tableSchema(fields: readonly FieldName[], primaryKey: string[], foreignKey: boolean | undefined) {
  const titles = messages().publication.openData.fields;
  return {
    fields: fields.map((name) => ({
      name,
      title: titles[name],
      type: FIELD_TYPES[name] ?? 'string',
      ...(FIELD_TYPES[name] === 'number' ? { decimalChar: '.', bareNumber: true } : {}),
      ...(REQUIRED.includes(name) || ENUMS[name] !== undefined
        ? { constraints: { ...(REQUIRED.includes(name) ? { required: true } : {}), ...(ENUMS[name] ? { enum: ENUMS[name] } : {}) } }
        : {}),
    })),
    missingValues: [''],
    primaryKey,
    ...(foreignKey ? { foreignKeys: [{ fields: KEY, reference: { resource: 'projects', fields: KEY } }] } : {}),
  };
}

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

/**
 * The CSVs keep their byte-order mark: Excel as installed in China opens a UTF-8 CSV without one as
 * GBK and shows the Chinese as mojibake, and a spreadsheet is how most readers open published budget
 * data. "utf-8-sig" (UTF-8 after a BOM, Python's codec name) declares the mark, so a reader decoding
 * as declared — Frictionless's Python validator among them — drops it instead of reading it into the
 * first column's name.
 */
const CSV_ENCODING = 'utf-8-sig';

/**
 * CC BY 4.0: reuse for any purpose with attribution to the publishing unit, which is what budget
 * disclosure (预算公开) intends; an Open Definition conformant licence that many government data portals use.
 */
const LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

/** The descriptor (datapackage.json) of the package `openDataFiles` writes. */
export function dataPackageDescriptor(docs: readonly TargetDocument[]) {
  const o = messages().publication.openData;
  const years = [...new Set(docs.map((d) => d.year).filter((y) => y !== null))].sort();
  const csv = (name: string, title: string, fields: readonly FieldName[], primaryKey: string[], foreignKey?: boolean) => ({
    name,
    path: `${name}.csv`,
    title,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: CSV_ENCODING,
    dialect: CSV_DIALECT,
    schema: tableSchema(fields, primaryKey, foreignKey),
  });
  return {
    profile: 'tabular-data-package',
    name: `jixiao-performance-targets${years.length === 1 ? `-${years[0]}` : ''}`,
    title: o.title(years.length === 1 ? String(years[0]) : o.allYears),
    description: o.description,
    created: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    keywords: ['预算绩效目标', '预算公开', '绩效指标'],
    licenses: [{ ...LICENSE, title: o.license }],
    resources: [
      csv('projects', o.resources.projects, PROJECT_FIELDS, KEY, false),
      csv('indicators', o.resources.indicators, INDICATOR_FIELDS, [...KEY, 'index'], true),
      csv('spending_plan', o.resources.spendingPlan, SPENDING_PLAN_FIELDS, [...KEY, 'checkpoint_index'], true),
      ...(hasDepartmentTable(docs)
        ? [
            csv('department_funds', o.resources.departmentFunds, DEPARTMENT_FUNDS_FIELDS, UNIT_KEY),
            csv('department_duties', o.resources.duties, DUTY_FIELDS, [...UNIT_KEY, 'duty_index']),
            csv('department_indicators', o.resources.departmentIndicators, DEPARTMENT_INDICATOR_FIELDS, [...UNIT_KEY, 'index']),
          ]
        : []),
    ],
  };
}

/** The package's files: datapackage.json, the CSVs (three, six with a 部门整体 table), documents.json and its JSON Schema. */
export function openDataFiles(docs: readonly TargetDocument[]): BundleFile[] {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  return [
    { name: 'datapackage.json', data: utf8(`${JSON.stringify(dataPackageDescriptor(docs), null, 2)}\n`) },
    { name: 'projects.csv', data: utf8(toCsv(projectsTable(docs))) },
    { name: 'indicators.csv', data: utf8(toCsv(indicatorsTable(docs))) },
    { name: 'spending_plan.csv', data: utf8(toCsv(spendingPlanTable(docs))) },
    ...(hasDepartmentTable(docs)
      ? [
          { name: 'department_funds.csv', data: utf8(toCsv(departmentFundsTable(docs))) },
          { name: 'department_duties.csv', data: utf8(toCsv(dutiesTable(docs))) },
          { name: 'department_indicators.csv', data: utf8(toCsv(departmentIndicatorsTable(docs))) },
        ]
      : []),
    { name: 'documents.json', data: utf8(writeExchangeJson(docs)) },
    { name: SCHEMA_FILE_NAME, data: utf8(exchangeSchemaText()) },
  ];
}
