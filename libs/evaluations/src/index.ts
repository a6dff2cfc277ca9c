export { addMonths } from './evaluation-forms';
export * from './evaluation.email';
export * from './evaluation.entities';
export * from './evaluation-jobs';
export * from './evaluation-results';
export * from './evaluations.module';
export * from './evaluations.service';

import { EvaluationAnswerSet, EvaluationForm, EvaluationInvitation } from './evaluation.entities';

export const evaluationEntities = [EvaluationForm, EvaluationInvitation, EvaluationAnswerSet];
