/** Where the published schema lives in the repository, and its exact text (what `npm run schema` writes). */
import { exchangeJsonSchema } from './schema.ts';

export const SCHEMA_FILE = 'schema/jixiao.targets.v1.schema.json';

export const exchangeSchemaText = (): string => `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
