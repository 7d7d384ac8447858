import { describe, expect, it } from 'vitest';
import { filterFromParams } from './QueuePage.tsx';

describe('the review queue filter in the address bar', () => {
  it('shows submitted documents on the first page by default', () => {
    expect(filterFromParams(new URLSearchParams(''))).toMatchObject({
      status: ['submitted'],
      page: 1,
      year: undefined,
      severity: undefined,
    });
  });

  it('reads every filter, several statuses, and the page', () => {
    const f = filterFromParams(
      new URLSearchParams('year=2020&status=submitted&status=approved&bureauId=3&unitId=7&severity=clean&q=法律&page=2'),
    );
    expect(f).toEqual({ year: 2020, status: ['submitted', 'approved'], bureauId: 3, unitId: 7, severity: 'clean', q: '法律', page: 2 });
  });

  it('keeps an emptied status filter empty (all statuses) and drops values it does not know', () => {
    expect(filterFromParams(new URLSearchParams('status=&severity=fatal')).status).toEqual([]);
    expect(filterFromParams(new URLSearchParams('status=&severity=fatal')).severity).toBeUndefined();
  });
});
