import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const RegistrationsPage = lazy(() => import('./registrations-page'));
const CheckInDaysPage = lazy(() =>
  import('./check-in-page').then((page) => ({ default: page.CheckInDaysPage })),
);
const CheckInDayPage = lazy(() =>
  import('./check-in-page').then((page) => ({ default: page.CheckInDayPage })),
);

/** An edition's registrations and its check-in desk (organizers). */
export const registrationRoutes: RouteObject[] = [
  { path: '/manage/editions/:id/registrations', element: <RegistrationsPage /> },
  { path: '/manage/editions/:id/check-in', element: <CheckInDaysPage /> },
  { path: '/manage/editions/:id/check-in/:day', element: <CheckInDayPage /> },
];
