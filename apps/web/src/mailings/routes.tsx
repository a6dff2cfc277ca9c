import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const MailingPage = lazy(() => import('./mailing-page'));
const OutboxPage = lazy(() => import('./outbox-page'));

/** Mailings to an edition's participants, and the outbox (organizers and admins). */
export const mailingRoutes: RouteObject[] = [
  { path: '/manage/editions/:id/mailings', element: <MailingPage /> },
  { path: '/manage/outbox', element: <OutboxPage /> },
];
