/**
 * `npm run schema`: writes the published JSON Schemas (the exchange format, the library file) from
 * the model. src/formats/json/schema.test.ts and src/formats/library/schema.test.ts fail when a
 * committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exchangeSchemaText, SCHEMA_FILE } from '../src/formats/json/schema-file.ts';
import { LIBRARY_SCHEMA_FILE, librarySchemaText } from '../src/formats/library/schema.ts';

for (const [file, text] of [
  [SCHEMA_FILE, exchangeSchemaText()],
  [LIBRARY_SCHEMA_FILE, librarySchemaText()],
] as const) {
  const path = resolve(import.meta.dirname, '..', file);
  writeFileSync(path, text);
  console.log(path);
}
