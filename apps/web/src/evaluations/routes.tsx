import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const EvaluationPage = lazy(() => import('./evaluation-page'));
const AnswerPage = lazy(() => import('./answer-page'));
const MyEvaluationsPage = lazy(() => import('./my-evaluations-page'));

/** An event's evaluation (its staff), the answer page of a mailed link, a participant's own. */
export const evaluationRoutes: RouteObject[] = [
  { path: '/trainings/events/:id/evaluation', element: <EvaluationPage kind="TRAINING_EVENT" /> },
  { path: '/manage/editions/:id/evaluation', element: <EvaluationPage kind="EDITION" /> },
  { path: '/evaluate/:token', element: <AnswerPage /> },
  { path: '/my/evaluations', element: <MyEvaluationsPage /> },
];
