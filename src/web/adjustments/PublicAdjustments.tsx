/** 目标调整记录 of a published document: each approved adjustment, from when, why, and what it changed. */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { Changes } from '../review/VersionDiff.tsx';

/** The approved adjustments of a published document (the newest 50: a document has a few a year). */
export const usePublicAdjustments = (documentId: number) =>
  useQuery({ queryKey: ['public-adjustments', documentId], queryFn: () => endpoints.publicAdjustments(documentId) });

export function PublicAdjustments({ documentId }: { documentId: number }) {
  const a = useMessages().adjustments.page;
  const items = usePublicAdjustments(documentId).data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section id="adjustments" className="public-adjustments" data-testid="public-adjustments">
      <Typography.Title level={3} className="part-title">
        {a.publicTitle}
      </Typography.Title>
      {items.map((x) => (
        <article key={x.number} className="public-adjustment">
          <Typography.Paragraph strong>{a.publicLine(x.number, x.effectiveDate, x.reason)}</Typography.Paragraph>
          <Changes parts={x.changes} />
        </article>
      ))}
    </section>
  );
}
