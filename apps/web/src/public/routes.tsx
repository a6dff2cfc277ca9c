import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const HomePage = lazy(() => import('./home-page'));

/** What anyone may open without logging in. */
export const publicRoutes: RouteObject[] = [{ index: true, element: <HomePage /> }];
