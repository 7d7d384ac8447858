import type { Messages } from '../zh-CN/index.ts';

export const bulk: Messages['bulk'] = {
  unitsFile: {
    columns: { code: 'code', name: 'name', parent: 'parent code', kind: 'kind' },
    empty: 'the file holds no data (the first line is the header: code,name,parent,kind)',
    missingColumns: (names) => `the header lacks ${names.join(', ')} (it should be: code,name,parent,kind)`,
    required: 'must not be empty',
    badCode: (code) => `code "${code}" must not contain spaces`,
    badKind: (text) => `"${text}" is not a kind (bureau or unit)`,
    duplicate: (code, line) => `code "${code}" already appears at ${line}`,
    unitWithoutParent: 'a budget unit needs the code of its finance bureau',
    unknownParent: (code) => `parent code "${code}" is neither a bureau of this file nor an existing bureau`,
    cycle: (code) => `bureau "${code}" is its own ancestor`,
    moved: (code, parent) => `"${code}" exists under "${parent}"; a bulk import does not move existing bureaus or units`,
    noRows: 'the file holds no unit or bureau',
  },
  load: {
    unknownUnit: (code) =>
      `unit code "${code}" is neither an existing unit nor in the units file (or name new units' bureau with --bureau)`,
    noUnitCode: (name) => `the document of "${name}" names no unit code: no unit to load it into`,
    noYear: (code) => `unit "${code}"'s document has no budget year (give --year)`,
    exists: (code, year) => `unit "${code}" already has a document for ${year}`,
    twice: (code, year) => `unit "${code}"'s document for ${year} appears more than once in this file`,
    reviewErrors: (code, count, first) =>
      `unit "${code}"'s document has ${count} review errors and cannot be loaded as submitted or later (the first: ${first})`,
  },

  upload: {
    button: 'Import units file',
    title: 'Create bureaus and budget units from a units file',
    hint: 'CSV or XLSX, header: code,name,parent,kind (bureau or unit; the top bureau has no parent). All or nothing; codes that exist are left as they are.',
    drop: 'Drop a units file here, or click to choose one',
    reading: 'Importing…',
  },
  command: {
    description:
      'load performance-target files (any format jixiao import reads) straight into the database, each file wholly or not at all: a county or a province at once',
    unitsOption: 'units file (CSV or XLSX, header: code,name,parent,kind), whose bureaus and units are created first',
    statusOption: 'status of the loaded documents: draft (default), submitted, approved or published',
    bureauOption: 'create units the documents name but no one registered under this bureau (its code)',
    databaseOption: 'PostgreSQL connection URL (as --database-url)',
    badStatus: (value) => `the status is draft, submitted, approved or published, not "${value}"`,
    unknownBureau: (code) => `no bureau has the code "${code}"`,
    whileServing: 'a server is using this data directory: stop it before loading (or load into PostgreSQL)',
    units: (bureaus, units, existing) => `units file: ${bureaus} bureaus and ${units} units created, ${existing} existed`,
    unitsFailed: 'the units file has an error: nothing was loaded',
    done: (files, documents, projects, seconds, rate) =>
      `loaded ${files} files: ${documents} documents, ${projects} projects in ${seconds} s (${rate} projects/s)`,
    failed: (count) => `${count} files were not loaded (see above); the others were`,
  },
};
