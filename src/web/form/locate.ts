import type { Finding } from '../../core/review/finding.ts';
import { placeId } from './notes.tsx';

export type PlaceOf = Pick<Finding, 'projectCode' | 'field' | 'indicatorIndex'>;

/**
 * Brings a finding's field into view and focus: the cell itself, else its field, else the part.
 * `openComments`: focus the comments shown there instead, which opens them.
 */
export function locate(f: PlaceOf, openComments = false) {
  const candidates = [
    placeId({ code: f.projectCode, field: f.field, row: f.indicatorIndex }),
    placeId({ code: f.projectCode, field: f.field, row: null }),
    placeId({ code: f.projectCode, field: f.field.split('.')[0]!, row: null }),
  ];
  const target = candidates.map((id) => document.getElementById(id)).find((e) => e !== null);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.classList.add('place-flash');
  setTimeout(() => target.classList.remove('place-flash'), 1600);
  target.querySelector<HTMLElement>(openComments ? '.notes-comment' : 'textarea, input, [tabindex="0"]')?.focus({ preventScroll: true });
}
