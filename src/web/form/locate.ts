import type { Finding } from '../../core/review/finding.ts';
import { placeId } from './notes.tsx';

export type PlaceOf = Pick<Finding, 'projectCode' | 'field' | 'indicatorIndex'>;

/**
 * Brings a finding's field into view and focus: the cell itself, else its field, else the part.
 * `openComments`: focus the comments shown there instead, which opens them.
 */
export function locate(f: PlaceOf, openComments = false, frames = 60) {
  const candidates = [
    placeId({ code: f.projectCode, field: f.field, row: f.indicatorIndex }),
    placeId({ code: f.projectCode, field: f.field, row: null }),
    placeId({ code: f.projectCode, field: f.field.split('.')[0]!, row: null }),
  ];
  const target = candidates.map((id) => document.getElementById(id)).find((e) => e !== null);
  // A part just switched to may not be on the page yet: look again on the next frames (about a second).
  if (!target) {
    if (frames > 0) requestAnimationFrame(() => locate(f, openComments, frames - 1));
    return;
  }
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.classList.add('place-flash');
  setTimeout(() => target.classList.remove('place-flash'), 1600);
  target.querySelector<HTMLElement>(openComments ? '.notes-comment' : 'textarea, input, [tabindex="0"]')?.focus({ preventScroll: true });
}
