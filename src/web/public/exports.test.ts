import { describe, expect, it } from 'vitest';
import { exportFormats } from './exports.ts';

describe('exportFormats', () => {
  it('reads the formats the export route documents, in their order', () => {
    const spec = {
      paths: {
        '/api/documents/{id}/export': {
          get: { parameters: [{ name: 'id', in: 'path' }, { name: 'format', in: 'query', schema: { enum: ['docx', 'pdf', 'xlsx', 'json', 'opendata'] } }] },
        },
      },
    };
    expect(exportFormats(spec)).toEqual(['docx', 'pdf', 'xlsx', 'json', 'opendata']);
  });

  it('offers nothing while the server has no export route', () => {
    expect(exportFormats({ paths: {} })).toEqual([]);
    expect(exportFormats(undefined)).toEqual([]);
  });
});
