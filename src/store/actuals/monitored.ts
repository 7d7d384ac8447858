import type { DocumentStatus } from '../schema.ts';

/** Monitoring checks spending and indicators against approved targets only. */
export const MONITORED: readonly DocumentStatus[] = ['approved', 'published'];
