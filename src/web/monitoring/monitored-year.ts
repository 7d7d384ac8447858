/**
 * The year lists of monitored projects open on: the latest year with an approved or published
 * document the user may see (lists come newest year first), else the current year.
 */
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries.ts';

export function useMonitoredYear(): number | undefined {
  const latest = useQuery(queries.monitoredYear());
  if (latest.isPending) return undefined;
  return latest.data?.items[0]?.year ?? new Date().getFullYear();
}
