import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const MyDelegationsPage = lazy(() => import('./my-delegations-page'));
const DelegationPage = lazy(() => import('./delegation-page'));

/** A focal point's delegations and the nominations of each. */
export const delegationRoutes: RouteObject[] = [
  { path: '/my/delegations', element: <MyDelegationsPage /> },
  { path: '/my/delegations/:id', element: <DelegationPage /> },
];
