import { describe, expect, it } from 'vitest';
import { annualRow } from './indicator.testing.ts';
import { firstOverLongText } from './over-long-text.ts';
import { TEXT_LIMITS, textFieldOf, type TextField } from './text-limits.ts';
import { generateDocuments } from './generate.ts';

const document = () => generateDocuments({ seed: 7, units: 1, projectsPerUnit: [3, 3], year: 2020 })[0]!;

describe('text limits', () => {
  it('finds nothing in a document of ordinary length', () => {
    expect(firstOverLongText(document())).toBeUndefined();
  });

  it('names the first text over its limit, with its project and row', () => {
    const doc = document();
    doc.projects[1]!.indicators[2] = annualRow('产出指标', '数量指标', '很'.repeat(TEXT_LIMITS.description + 1), '≥10件', '');
    expect(firstOverLongText(doc)).toEqual({ field: 'description', length: 501, limit: 500, projectIndex: 1, indicatorIndex: 3 });
    doc.projects[0]!.name = '名'.repeat(TEXT_LIMITS.projectName);
    expect(firstOverLongText(doc)?.field).toBe('description');
    doc.projects[0]!.name += '长';
    expect(firstOverLongText(doc)).toMatchObject({ field: 'projectName', projectIndex: 0, indicatorIndex: null });
  });

  it('tells every field from the property and the limit a schema error names', () => {
    for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
      const property =
        {
          unitCode: 'code',
          projectCode: 'code',
          unitName: 'name',
          projectName: 'name',
          sourceName: 'name',
          itemLabel: 'label',
          itemText: 'text',
          goal: 'text',
          dutyTask: 'task',
        }[field as string] ?? field;
      expect(textFieldOf(property, TEXT_LIMITS[field])).toBe(field);
    }
    expect(textFieldOf('name', 7)).toBeUndefined();
  });
});
