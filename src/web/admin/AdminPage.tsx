/** Administration: bureaus, units and accounts, each a tab with its own address (/admin/bureaus …). */
import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { BureausPanel } from './BureausPanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

const SECTIONS = ['users', 'units', 'bureaus'] as const;

export default function AdminPage() {
  const m = useMessages().web.admin;
  const navigate = useNavigate();
  const param = useParams().section ?? '';
  const section = (SECTIONS as readonly string[]).includes(param) ? (param as (typeof SECTIONS)[number]) : 'users';
  return (
    <div className="admin-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Tabs
        activeKey={section}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={[
          { key: 'users', label: m.users, children: <UsersPanel /> },
          { key: 'units', label: m.units, children: <UnitsPanel /> },
          { key: 'bureaus', label: m.bureaus, children: <BureausPanel /> },
        ]}
      />
    </div>
  );
}
