/**
 * The parts of one unit-year's work, as tabs over its pages: the targets (the editor for the unit,
 * the review page for the bureau), and once the targets are approved, 运行监控, 绩效自评 and 数据看板,
 * with the approval notices that issued them.
 */
import { NavLink } from 'react-router';
import type { Status } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { DocumentNotices } from '../notices/DocumentNotices.tsx';

const MONITORED = new Set<Status>(['approved', 'published']);

export type DocumentSection = 'targets' | 'monitoring' | 'evaluation' | 'dashboard';

export function DocumentNav({ documentId, status }: { documentId: number; status: Status }) {
  const m = useMessages().web.docNav;
  const { user } = useSession();
  const targets = user?.role === 'unit' ? `/documents/${documentId}/edit` : `/review/${documentId}`;
  const links: Array<[DocumentSection, string]> = [
    ['targets', targets],
    ...(MONITORED.has(status)
      ? ([
          ['monitoring', `/documents/${documentId}/monitoring`],
          ['evaluation', `/documents/${documentId}/evaluation`],
          ['dashboard', `/documents/${documentId}/dashboard`],
        ] as Array<[DocumentSection, string]>)
      : []),
  ];
  if (links.length === 1) return null;
  return (
    <>
      <nav className="doc-nav" aria-label={m.label}>
        {links.map(([key, to]) => (
          <NavLink key={key} to={to} className={({ isActive }) => `doc-nav-link${isActive ? ' doc-nav-active' : ''}`} end>
            {m[key]}
          </NavLink>
        ))}
      </nav>
      {/* Approved targets are issued in a notice (绩效目标批复): which, if any. */}
      <DocumentNotices documentId={documentId} />
    </>
  );
}
