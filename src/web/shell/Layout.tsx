/**
 * The frame of every page: a skip link, the header with the language switch and the account, and the
 * sections the user's role has — down the left side once signed in, as a reviewer's dozen sections
 * would not fit across the header (a horizontal menu folds the last ones out of sight).
 */
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Layout as AntLayout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { useLocale, useMessages } from '../app/locale.tsx';
import { PASSWORD_PAGE, useSession, useSetSession } from '../auth/session.ts';
import { taskQueries } from '../evaluation-tasks/tasks-api.ts';

export function PageLoading() {
  const m = useMessages().web;
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span>{m.common.loading}</span>
    </div>
  );
}

/** The unit's 自评任务 link, its badge the number of reminders (computed by the server from the deadlines). */
function TasksLink() {
  const m = useMessages().evaluationTasks;
  const reminders = useQuery(taskQueries.reminders());
  return (
    <Link to="/my-evaluation-tasks">
      <Badge count={reminders.data?.count ?? 0} size="small" offset={[6, -2]} data-testid="reminder-badge">
        <span style={{ color: 'inherit' }}>{m.title}</span>
      </Badge>
    </Link>
  );
}

export default function Layout() {
  const { m, locale, setLocale } = useLocale();
  const w = m.web;
  const notices = m.notices.page;
  const { user } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();

  const link = (to: string, label: string) => ({ key: to, label: <Link to={to}>{label}</Link> });
  // In the order of the year's cycle: targets, their approval and changes, monitoring, evaluation and what follows it.
  const items = [
    ...(user?.role === 'unit'
      ? [
          link('/unit', w.nav.myDocuments),
          link('/notices', notices.unitTitle),
          link('/adjustments', m.adjustments.title),
          link('/unit/monitoring', w.nav.monitoring),
          link('/unit/evaluation', w.nav.evaluation),
          { key: '/my-evaluation-tasks', label: <TasksLink /> },
          link('/rectifications', m.rectification.title),
          link('/unit/dashboard', w.nav.unitDashboard),
          link('/import', w.nav.import),
        ]
      : []),
    ...(user && (user.role === 'reviewer' || user.role === 'admin')
      ? [
          link('/review', w.nav.reviewQueue),
          link('/notices', notices.title),
          link('/adjustments', m.adjustments.title),
          link('/transfers', m.transfer.page.nav),
          link('/monitoring', w.nav.warnings),
          link('/evaluation-tasks', m.evaluationTasks.title),
          link('/rectifications', m.rectification.title),
          link('/results', m.rectification.results.title),
          link('/dashboard', w.nav.bureauDashboard),
          link('/settings', w.nav.settings),
        ]
      : []),
    ...(user && user.role !== 'evaluator' ? [link('/library', w.nav.library)] : []),
    ...(user ? [link('/evaluations', w.nav.evaluations)] : []),
    ...(user?.role === 'admin' ? [link('/admin', w.nav.admin)] : []),
    link('/public', w.nav.publicDocuments),
  ];
  // A unit's document pages belong to its sections; the most specific section open is shown (/unit/monitoring is not also /unit).
  const section = /^\/documents\/\d+\/(\w+)/.exec(location.pathname)?.[1];
  const path = user?.role === 'unit' && section ? (section === 'edit' ? '/unit' : `/unit/${section}`) : location.pathname;
  const selected = items
    .map((i) => i.key)
    .filter((k) => path === k || path.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  const menu = (mode: 'horizontal' | 'inline') => (
    <Menu mode={mode} theme="dark" selectedKeys={selected} items={items} className={`app-menu app-menu-${mode}`} />
  );

  const signOut = async () => {
    await endpoints.logout().catch(() => undefined);
    // Leave the signed-in page first, so it does not send the next user back to it.
    navigate('/login', { replace: true });
    setSession(null);
  };

  return (
    <AntLayout className="app">
      <a className="skip-link" href="#main">
        {w.nav.skipToContent}
      </a>
      <AntLayout.Header className="app-header">
        <Link to="/" className="app-brand">
          <span className="app-brand-name">{w.appName}</span>
          <span className="app-brand-title">{w.appTitle}</span>
        </Link>
        {user ? <div className="app-header-fill" /> : menu('horizontal')}
        <Space size="middle" className="app-header-right">
          <Segmented
            size="small"
            aria-label={w.language.label}
            value={locale}
            onChange={(v) => setLocale(v as typeof locale)}
            options={[
              { label: w.language.zh, value: 'zh-CN' },
              { label: w.language.en, value: 'en' },
            ]}
          />
          {user ? (
            <>
              <Typography.Text className="app-user" title={w.roles[user.role]}>
                {user.displayName}
              </Typography.Text>
              <Button size="small" onClick={() => navigate(PASSWORD_PAGE)}>
                {w.nav.changePassword}
              </Button>
              <Button size="small" onClick={signOut}>
                {w.nav.signOut}
              </Button>
            </>
          ) : (
            location.pathname !== '/login' && (
              <Button size="small" type="primary" onClick={() => navigate('/login')}>
                {w.nav.signIn}
              </Button>
            )
          )}
        </Space>
      </AntLayout.Header>
      <AntLayout hasSider={user !== null}>
        {user && (
          <AntLayout.Sider width={176} theme="dark" className="app-sider">
            {menu('inline')}
          </AntLayout.Sider>
        )}
        <AntLayout.Content id="main" tabIndex={-1} className="app-content">
          <Suspense fallback={<PageLoading />}>
            {/* A one-time password opens nothing but the page that replaces it (the API agrees). */}
            {user?.mustChangePassword && location.pathname !== PASSWORD_PAGE ? (
              <Navigate to={PASSWORD_PAGE} replace state={{ from: location.pathname + location.search }} />
            ) : (
              <Outlet />
            )}
          </Suspense>
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}
