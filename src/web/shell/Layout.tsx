/** The frame of every page: a skip link, the header with the sections the user's role has, the language switch and the account. */
import { Button, Layout as AntLayout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { useLocale, useMessages } from '../app/locale.tsx';
import { PASSWORD_PAGE, useSession, useSetSession } from '../auth/session.ts';

export function PageLoading() {
  const m = useMessages().web;
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span>{m.common.loading}</span>
    </div>
  );
}

export default function Layout() {
  const { m, locale, setLocale } = useLocale();
  const w = m.web;
  const { user } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();

  const link = (to: string, label: string) => ({ key: to, label: <Link to={to}>{label}</Link> });
  const items = [
    ...(user?.role === 'unit'
      ? [
          link('/unit', w.nav.myDocuments),
          link('/unit/monitoring', w.nav.monitoring),
          link('/unit/evaluation', w.nav.evaluation),
          link('/unit/dashboard', w.nav.unitDashboard),
          link('/rectifications', m.rectification.title),
          link('/import', w.nav.import),
        ]
      : []),
    ...(user && user.role !== 'unit'
      ? [
          link('/review', w.nav.reviewQueue),
          link('/monitoring', w.nav.warnings),
          link('/dashboard', w.nav.bureauDashboard),
          link('/rectifications', m.rectification.title),
          link('/results', m.rectification.results.title),
          link('/settings', w.nav.settings),
        ]
      : []),
    ...(user ? [link('/library', w.nav.library)] : []),
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
        <Menu mode="horizontal" theme="dark" selectedKeys={selected} items={items} className="app-menu" />
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
  );
}
