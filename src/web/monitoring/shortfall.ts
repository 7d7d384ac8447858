/** How far behind plan, as the forms write it: points behind, or 未落后 when on or ahead of plan (the API's -0.00 included). */
import { dec } from '../../core/model/decimal.ts';

export const behind = (shortfall: string | null): boolean => shortfall !== null && dec(shortfall).gt(0);
