import type { RouteObject } from 'react-router';

/** The pages of this area (each loaded when first opened). */
export const registrationRoutes: RouteObject[] = [];
