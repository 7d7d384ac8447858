import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, FIELDS, fieldNamed, fieldOfUnit } from './fields.ts';

describe('fields', () => {
  it('reads a field by its id or its Chinese name', () => {
    expect(fieldNamed('司法')).toBe('justice');
    expect(fieldNamed('justice')).toBe('justice');
    expect(fieldNamed(' 共性 ')).toBe('common');
    expect(fieldNamed('航天')).toBeUndefined();
    expect(new Set(FIELDS.map((f) => FIELD_NAMES[f])).size).toBe(FIELDS.length);
  });

  it('tells a unit’s field from its name', () => {
    expect(fieldOfUnit('怀来县司法局')).toBe('justice');
    expect(fieldOfUnit('怀来县卫生健康局')).toBe('health');
    expect(fieldOfUnit('井研县马踏镇人民政府')).toBeNull();
  });
});
