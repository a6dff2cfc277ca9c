import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const HomePage = lazy(() => import('./home-page'));
const EditionPage = lazy(() => import('./edition-page'));

/** What anyone may open without logging in. */
export const publicRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/editions/:id', element: <EditionPage /> },
];
