import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ConferencesPage = lazy(() => import('./conferences-page'));
const TrainingsPage = lazy(() => import('./trainings-page'));
const CertificatesPage = lazy(() => import('./certificates-page'));

/** A participant's own conferences, trainings and certificates. */
export const participantRoutes: RouteObject[] = [
  { path: '/my/conferences', element: <ConferencesPage /> },
  { path: '/my/trainings', element: <TrainingsPage /> },
  { path: '/my/certificates', element: <CertificatesPage /> },
];
