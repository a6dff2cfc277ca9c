import { Module, OnModuleInit } from '@nestjs/common';
import { ConferencesModule } from '@platform/conferences';
import { OutcomeSources, TrainingsModule } from '@platform/trainings';
import { EditionAdapter, EvaluatedEvents, TrainingEventAdapter } from './evaluated-events';
import { EvaluationJobs } from './evaluation-jobs';
import { EvaluationResultsService } from './evaluation-results';
import { EvaluationResultsController } from './evaluation-results.controller';
import { EvaluationsResolver } from './evaluations.resolver';
import { EvaluationsService } from './evaluations.service';

/** Evaluation forms of training events and editions: sending, answers, results. */
@Module({
  imports: [ConferencesModule, TrainingsModule],
  controllers: [EvaluationResultsController],
  providers: [
    TrainingEventAdapter,
    EditionAdapter,
    EvaluatedEvents,
    EvaluationsService,
    EvaluationResultsService,
    EvaluationsResolver,
    EvaluationJobs,
  ],
  exports: [EvaluationsService, EvaluationResultsService, EvaluationJobs],
})
export class EvaluationsModule implements OnModuleInit {
  constructor(
    private readonly sources: OutcomeSources,
    private readonly results: EvaluationResultsService,
  ) {}

  onModuleInit(): void {
    this.sources.registerSatisfaction(this.results);
  }
}
