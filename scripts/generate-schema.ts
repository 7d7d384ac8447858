/**
 * `npm run schema`: writes the published JSON Schema of the exchange format from the model.
 * src/formats/json/schema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exchangeSchemaText, SCHEMA_FILE } from '../src/formats/json/schema-file.ts';

const path = resolve(import.meta.dirname, '..', SCHEMA_FILE);
writeFileSync(path, exchangeSchemaText());
console.log(path);
