import { describe, expect, it } from 'vitest';
import { filterFromParams } from './QueuePage.tsx';

describe('the review queue filter in the address bar', () => {
  it('shows submitted documents by unit by default', () => {
    expect(filterFromParams(new URLSearchParams(''))).toMatchObject({
      status: ['submitted'],
      year: undefined,
      severity: undefined,
      sort: undefined,
    });
  });

  it('reads every filter, several statuses, and the order', () => {
    const f = filterFromParams(
      new URLSearchParams('year=2020&status=submitted&status=approved&bureauId=3&unitId=7&severity=clean&q=法律&sort=updated'),
    );
    expect(f).toEqual({
      year: 2020,
      status: ['submitted', 'approved'],
      bureauId: 3,
      unitId: 7,
      severity: 'clean',
      q: '法律',
      sort: 'updated',
    });
  });

  it('keeps an emptied status filter empty (all statuses) and drops values it does not know', () => {
    expect(filterFromParams(new URLSearchParams('status=&severity=fatal')).status).toEqual([]);
    expect(filterFromParams(new URLSearchParams('status=&severity=fatal&sort=name')).severity).toBeUndefined();
    expect(filterFromParams(new URLSearchParams('sort=name')).sort).toBeUndefined();
  });
});
