/**
 * The profile a document follows: the one its bureau picked (inherited down the bureau tree), or,
 * where none was picked or the picked one is no longer shipped, the default for its year.
 */
import { DEFAULT_FORM_2021_FROM_YEAR } from '../framework/framework.ts';
import type { FormProfile } from './profile.ts';
import { defaultProfileFor, profileById } from './profiles.ts';

export const profileOf = (picked: string | null, year: number | null, form2021FromYear = DEFAULT_FORM_2021_FROM_YEAR): FormProfile =>
  (picked === null ? undefined : profileById(picked)) ?? defaultProfileFor(year, form2021FromYear);
