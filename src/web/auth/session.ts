/** The signed-in user (or null for a visitor), shared by every page through the query cache. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: endpoints.session, staleTime: 60_000 });
  return { user: query.data ?? null, loading: query.isPending, error: query.error };
}

export function useSetSession() {
  const client = useQueryClient();
  return (user: User | null) => {
    client.clear();
    client.setQueryData(SESSION_KEY, user);
  };
}

/** A document's monitoring, self-evaluation and dashboard pages, which every role reads. */
const DOCUMENT_RESULTS = /^\/documents\/\d+\/(monitoring|evaluation|dashboard)(\?|$)/;

/** A third-party evaluator reaches its evaluations (and what the public reads) only. */
const AREAS: Record<User['role'], readonly string[]> = {
  unit: [
    '/unit',
    '/import',
    '/documents/',
    '/adjustments',
    '/notices',
    '/my-evaluation-tasks',
    '/library',
    '/evaluations',
    '/rectifications',
    '/public',
  ],
  reviewer: [
    '/review',
    '/adjustments',
    '/notices',
    '/transfers',
    '/evaluation-tasks',
    '/monitoring',
    '/dashboard',
    '/settings',
    '/library',
    '/evaluations',
    '/rectifications',
    '/results',
    '/public',
  ],
  admin: [
    '/review',
    '/adjustments',
    '/notices',
    '/transfers',
    '/evaluation-tasks',
    '/monitoring',
    '/dashboard',
    '/settings',
    '/admin',
    '/import',
    '/library',
    '/evaluations',
    '/rectifications',
    '/results',
    '/public',
  ],
  evaluator: ['/evaluations', '/public'],
};

/** Whether a page belongs to what a user's role does (a page remembered from another user's session may not). */
export const mayOpen = (user: User, path: string): boolean =>
  (user.role !== 'evaluator' && DOCUMENT_RESULTS.test(path)) || AREAS[user.role].some((area) => path.startsWith(area));

/** Where one changes one's password; a one-time password allows nothing else. */
export const PASSWORD_PAGE = '/account/password';

/** Where a user starts after signing in (with a one-time password: where it is replaced). */
export const homeOf = (user: User | null): string =>
  user === null
    ? '/public'
    : user.mustChangePassword
      ? PASSWORD_PAGE
      : user.role === 'unit'
        ? '/unit'
        : user.role === 'reviewer'
          ? '/review'
          : user.role === 'evaluator'
            ? '/evaluations'
            : '/admin';
