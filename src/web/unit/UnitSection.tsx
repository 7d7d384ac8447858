/**
 * A unit's 运行监控 / 绩效自评 / 数据看板 from the menu: the newest year whose targets are approved
 * (or published) opens; before any is, the page says why there is nothing to monitor yet.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { Link, Navigate, useParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { PageLoading } from '../shell/Layout.tsx';

const SECTIONS = new Set(['monitoring', 'evaluation', 'dashboard']);

export function UnitSection() {
  const m = useMessages().web;
  const section = useParams().section ?? '';
  const latest = useQuery({
    queryKey: ['documents', 'monitored'],
    queryFn: () => endpoints.documents({ status: ['approved', 'published'], limit: 1 }),
  });
  if (!SECTIONS.has(section)) return <Navigate to="/unit" replace />;
  if (latest.isPending) return <PageLoading />;
  const doc = latest.data?.items[0];
  if (doc) return <Navigate to={`/documents/${doc.id}/${section}`} replace />;
  return (
    <Result
      status="info"
      title={m.unitHome.nothingMonitored}
      extra={
        <Link to="/unit">
          <Button type="primary">{m.nav.myDocuments}</Button>
        </Link>
      }
    />
  );
}
