import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const EventsPage = lazy(() => import('./events-page'));
const EventPage = lazy(() => import('./event-page'));
const AttendancePage = lazy(() => import('./attendance-page'));
const ImportPage = lazy(() => import('./import-page'));
const CertificatesPage = lazy(() => import('./certificates-page'));
const IndicatorsPage = lazy(() => import('./indicators-page'));
const CascadePage = lazy(() => import('./cascade-page'));
const ProgrammeRecommendationsPage = lazy(() => import('./programme-recommendations-page'));
const ProgrammePage = lazy(() => import('./programme-page'));

/** The pages of this area (each loaded when first opened): running training events. */
export const trainingRoutes: RouteObject[] = [
  { path: '/trainings/events', element: <EventsPage /> },
  { path: '/trainings/events/:id', element: <EventPage /> },
  { path: '/trainings/events/:id/attendance/:day', element: <AttendancePage /> },
  { path: '/trainings/events/:id/import', element: <ImportPage /> },
  { path: '/trainings/events/:id/certificates', element: <CertificatesPage /> },
  { path: '/trainings/indicators', element: <IndicatorsPage /> },
  { path: '/trainings/programmes/:id/cascade', element: <CascadePage /> },
  {
    path: '/trainings/programmes/:id/recommendations',
    element: <ProgrammeRecommendationsPage />,
  },
  { path: '/trainings/programmes/:id', element: <ProgrammePage /> },
];
