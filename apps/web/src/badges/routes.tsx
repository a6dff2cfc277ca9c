import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const BadgesPage = lazy(() => import('./badges-page'));
const ScanPage = lazy(() => import('./scan-page'));

/** An edition's badges and the scan page at its door (organizers). */
export const badgeRoutes: RouteObject[] = [
  { path: '/manage/editions/:id/badges', element: <BadgesPage /> },
  { path: '/manage/editions/:id/scan', element: <ScanPage /> },
];
