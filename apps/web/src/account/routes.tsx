import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const LoginPage = lazy(() => import('./login-page'));
const LoginLinkPage = lazy(() => import('./login-link-page'));
const AccountPage = lazy(() => import('./account-page'));
const EmailChangePage = lazy(() => import('./email-change-page'));

/** Logging in (password or mailed link), and one's own account. */
export const accountRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/login-link/:token', element: <LoginLinkPage /> },
  { path: '/email-change/:token', element: <EmailChangePage /> },
  { path: '/account', element: <AccountPage /> },
];
