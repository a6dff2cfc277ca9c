import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const TakeTestPage = lazy(() => import('./take-test-page'));
const EventKnowledgePage = lazy(() => import('./event-knowledge-page'));
const KnowledgeResultsPage = lazy(() => import('./results-page'));

/** Knowledge tests: the trainee takes them; trainers and organizers write, score and read them. */
export const knowledgeRoutes: RouteObject[] = [
  { path: '/my/trainings/:eventId/test/:kind', element: <TakeTestPage /> },
  { path: '/trainings/events/:id/knowledge', element: <EventKnowledgePage /> },
  { path: '/trainings/knowledge', element: <KnowledgeResultsPage /> },
];
