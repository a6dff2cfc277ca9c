import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const HomePage = lazy(() => import('./home-page'));
const EditionPage = lazy(() => import('./edition-page'));
const VerifyPage = lazy(() => import('./verify-page'));

/** What anyone may open without logging in. */
export const publicRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/editions/:id', element: <EditionPage /> },
  // The address in every certificate's QR code is /verify/<code>.
  { path: '/verify', element: <VerifyPage /> },
  { path: '/verify/:code', element: <VerifyPage /> },
];
