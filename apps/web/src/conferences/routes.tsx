import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const EditionsPage = lazy(() => import('./editions-page'));
const NewEditionPage = lazy(() => import('./new-edition-page'));
const WorkspacePage = lazy(() => import('./workspace-page'));

/** The organizer's editions and the workspace of each (each page loaded when first opened). */
export const conferenceRoutes: RouteObject[] = [
  { path: '/manage/editions', element: <EditionsPage /> },
  { path: '/manage/editions/new', element: <NewEditionPage /> },
  { path: '/manage/editions/:id', element: <WorkspacePage /> },
];
