/**
 * Component-test support for whole pages: the signed-in users the session answers with, and a page
 * rendered at a URL under its route (so `useParams` reads the id), inside the app's providers.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../monitoring/testing.tsx';

/** 怀来县财政局's reviewer. */
export const REVIEWER = {
  id: 2,
  username: 'huailai-czj',
  role: 'reviewer',
  displayName: '审核员',
  unitId: null,
  bureauId: 3,
  mustChangePassword: false,
} as const;

/** A unit's staff member. */
export const unitUser = (unitId = 9, username = 'sifaju') =>
  ({ id: 1, username, role: 'unit', displayName: '填报员', unitId, bureauId: null, mustChangePassword: false }) as const;

/** Renders `page` at `url`, matched by the route `path`. */
export const renderAt = (url: string, path: string, page: ReactElement) =>
  render(
    <Providers>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={page} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
