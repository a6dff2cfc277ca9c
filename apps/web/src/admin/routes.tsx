import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AccountsPage = lazy(() => import('./accounts-page'));
const SeriesPage = lazy(() => import('./series-page'));

/** Accounts and roles, series and rotation (administrators). */
export const adminRoutes: RouteObject[] = [
  { path: '/admin/accounts', element: <AccountsPage /> },
  { path: '/admin/series', element: <SeriesPage /> },
];
