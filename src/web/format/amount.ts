/** Amounts as the finance bureau writes them: exact decimals, two places, never through a float. */
import { fixed } from '../../core/model/decimal.ts';

export const amountText = (v: string | null | undefined): string => (v === null || v === undefined || v === '' ? '' : fixed(v, 2));
