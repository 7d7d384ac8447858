/** Routes (each page its own chunk), the query cache and the language around them. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useRouteError } from 'react-router';
import { ApiFailure } from '../api/client.ts';
import type { Role } from '../api/types.ts';
import { homeOf, PASSWORD_PAGE, useSession } from '../auth/session.ts';
import { UnitSection } from '../unit/UnitSection.tsx';
import Layout, { PageLoading } from '../shell/Layout.tsx';
import { LocaleProvider, useMessages } from './locale.tsx';

const SignInPage = lazy(() => import('../auth/SignInPage.tsx'));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage.tsx'));
const UnitHomePage = lazy(() => import('../unit/UnitHomePage.tsx'));
const EditorPage = lazy(() => import('../editor/EditorPage.tsx'));
const ImportPage = lazy(() => import('../import/ImportPage.tsx'));
const QueuePage = lazy(() => import('../review/QueuePage.tsx'));
const ReviewPage = lazy(() => import('../review/ReviewPage.tsx'));
const AdjustmentsPage = lazy(() => import('../adjustments/AdjustmentsPage.tsx'));
const AdjustmentPage = lazy(() => import('../adjustments/AdjustmentPage.tsx'));
const PublicListPage = lazy(() => import('../public/PublicListPage.tsx'));
const PublicDocumentPage = lazy(() => import('../public/PublicDocumentPage.tsx'));
const MonitoringPage = lazy(() => import('../monitoring/MonitoringPage.tsx'));
const EvaluationPage = lazy(() => import('../evaluation/EvaluationPage.tsx'));
const UnitDashboardPage = lazy(() => import('../dashboard/UnitDashboardPage.tsx'));
const WarningListPage = lazy(() => import('../monitoring/WarningListPage.tsx'));
const BureauDashboardPage = lazy(() => import('../dashboard/BureauDashboardPage.tsx'));
const AdminPage = lazy(() => import('../admin/AdminPage.tsx'));
const SettingsPage = lazy(() => import('../admin/SettingsPage.tsx'));
const LibraryPage = lazy(() => import('../library/LibraryPage.tsx'));
const EvaluationTasksPage = lazy(() => import('../evaluation-tasks/EvaluationTasksPage.tsx'));
const UnitTasksPage = lazy(() => import('../evaluation-tasks/UnitTasksPage.tsx'));
const TransferListPage = lazy(() => import('../transfer/TransferListPage.tsx'));
const TransferFundPage = lazy(() => import('../transfer/TransferFundPage.tsx'));
const NoticesPage = lazy(() => import('../notices/NoticesPage.tsx'));
const NoticePage = lazy(() => import('../notices/NoticePage.tsx'));
const EvaluationsPage = lazy(() => import('../evaluations/EvaluationsPage.tsx'));
const EvaluationDetailPage = lazy(() => import('../evaluations/EvaluationDetailPage.tsx'));
const RectificationListPage = lazy(() => import('../rectification/RectificationListPage.tsx'));
const RectificationPage = lazy(() => import('../rectification/RectificationPage.tsx'));
const ResultsPage = lazy(() => import('../rectification/ResultsPage.tsx'));

const EVERY_ROLE: readonly Role[] = ['unit', 'reviewer', 'admin'];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, e) => !(e instanceof ApiFailure && e.status >= 400 && e.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Home() {
  const { user, loading } = useSession();
  if (loading) return <PageLoading />;
  return <Navigate to={homeOf(user)} replace />;
}

/** Signed-in pages: a visitor goes to sign in (and comes back), a wrong role sees why not. */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const m = useMessages().web;
  if (loading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) return <Result status="403" title={m.errors.forbidden} />;
  return children;
}

function NotFound() {
  const m = useMessages().web;
  return <Result status="404" title={m.common.notFound} extra={<Button href="/">{m.common.goHome}</Button>} />;
}

function RouteError() {
  const error = useRouteError();
  const m = useMessages().web;
  return (
    <Result
      status="error"
      title={m.common.error}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={<Button href="/">{m.common.goHome}</Button>}
    />
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'login', element: <SignInPage /> },
      { path: PASSWORD_PAGE.slice(1), element: <ChangePasswordPage /> },
      {
        path: 'unit',
        element: (
          <RequireRole roles={['unit']}>
            <UnitHomePage />
          </RequireRole>
        ),
      },
      {
        path: 'import',
        element: (
          <RequireRole roles={['unit', 'admin']}>
            <ImportPage />
          </RequireRole>
        ),
      },
      {
        path: 'documents/:id/edit',
        element: (
          <RequireRole roles={['unit']}>
            <EditorPage />
          </RequireRole>
        ),
      },
      {
        path: 'review',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <QueuePage />
          </RequireRole>
        ),
      },
      {
        path: 'transfers',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <TransferListPage />
          </RequireRole>
        ),
      },
      {
        path: 'transfers/:id',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <TransferFundPage />
          </RequireRole>
        ),
      },
      {
        path: 'review/:id',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <ReviewPage />
          </RequireRole>
        ),
      },
      {
        path: 'adjustments',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <AdjustmentsPage />
          </RequireRole>
        ),
      },
      {
        path: 'adjustments/:id',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <AdjustmentPage />
          </RequireRole>
        ),
      },
      {
        path: 'unit/:section',
        element: (
          <RequireRole roles={['unit']}>
            <UnitSection />
          </RequireRole>
        ),
      },
      {
        path: 'documents/:id/monitoring',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <MonitoringPage />
          </RequireRole>
        ),
      },
      {
        path: 'documents/:id/evaluation',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <EvaluationPage />
          </RequireRole>
        ),
      },
      {
        path: 'documents/:id/dashboard',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <UnitDashboardPage />
          </RequireRole>
        ),
      },
      {
        path: 'monitoring',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <WarningListPage />
          </RequireRole>
        ),
      },
      {
        path: 'dashboard',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <BureauDashboardPage />
          </RequireRole>
        ),
      },
      {
        path: 'settings',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <SettingsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireRole roles={['admin']}>
            <AdminPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/:section',
        element: (
          <RequireRole roles={['admin']}>
            <AdminPage />
          </RequireRole>
        ),
      },
      {
        path: 'evaluations',
        element: (
          <RequireRole roles={[...EVERY_ROLE, 'evaluator']}>
            <EvaluationsPage />
          </RequireRole>
        ),
      },
      {
        path: 'evaluations/:id',
        element: (
          <RequireRole roles={[...EVERY_ROLE, 'evaluator']}>
            <EvaluationDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'library',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <LibraryPage />
          </RequireRole>
        ),
      },
      {
        path: 'evaluation-tasks',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <EvaluationTasksPage />
          </RequireRole>
        ),
      },
      {
        path: 'evaluation-tasks/:id',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <EvaluationTasksPage />
          </RequireRole>
        ),
      },
      {
        path: 'my-evaluation-tasks',
        element: (
          <RequireRole roles={['unit']}>
            <UnitTasksPage />
          </RequireRole>
        ),
      },
      {
        path: 'notices',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <NoticesPage />
          </RequireRole>
        ),
      },
      {
        path: 'rectifications',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <RectificationListPage />
          </RequireRole>
        ),
      },
      {
        path: 'notices/:id',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <NoticePage />
          </RequireRole>
        ),
      },
      {
        path: 'rectifications/:id',
        element: (
          <RequireRole roles={EVERY_ROLE}>
            <RectificationPage />
          </RequireRole>
        ),
      },
      {
        path: 'results',
        element: (
          <RequireRole roles={['reviewer', 'admin']}>
            <ResultsPage />
          </RequireRole>
        ),
      },
      { path: 'public', element: <PublicListPage /> },
      { path: 'public/documents/:id', element: <PublicDocumentPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
