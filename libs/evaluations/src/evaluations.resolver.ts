import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import {
  EvaluatedEventArgs,
  EvaluationFormView,
  EvaluationResults,
  EvaluationToAnswer,
  EvaluationTokenArgs,
  SaveEvaluationFormInput,
  SubmitEvaluationInput,
} from './dto/evaluation.types';
import { EvaluationResultsService } from './evaluation-results';
import { EvaluationsService } from './evaluations.service';

@Resolver()
export class EvaluationsResolver {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly results: EvaluationResultsService,
  ) {}

  @Query(() => [EvaluationFormView], {
    description: "An event's evaluation forms (END, FOLLOW_UP), for those who run it.",
  })
  evaluationForms(
    @CurrentActor() actor: Actor,
    @Args() args: EvaluatedEventArgs,
  ): Promise<EvaluationFormView[]> {
    return this.evaluations.forms(actor, args);
  }

  @Query(() => EvaluationResults, {
    description:
      'Response rate, distribution and mean per rating, free texts; never who answered what.',
  })
  evaluationResults(
    @CurrentActor() actor: Actor,
    @IdArg('formId') formId: string,
  ): Promise<EvaluationResults> {
    return this.results.results(actor, formId);
  }

  @Mutation(() => EvaluationFormView, {
    description:
      "Creates or replaces an event's END or FOLLOW_UP form (questions fixed once sent).",
  })
  saveEvaluationForm(
    @CurrentActor() actor: Actor,
    @Args('input') input: SaveEvaluationFormInput,
  ): Promise<EvaluationFormView> {
    return this.evaluations.save(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a form that was not sent.' })
  deleteEvaluationForm(
    @CurrentActor() actor: Actor,
    @IdArg('formId') formId: string,
  ): Promise<boolean> {
    return this.evaluations.remove(actor, formId);
  }

  @Mutation(() => EvaluationFormView, {
    description:
      'Mails an END form to the respondents not invited yet (a FOLLOW_UP goes out by itself when due).',
  })
  sendEvaluation(
    @CurrentActor() actor: Actor,
    @IdArg('formId') formId: string,
  ): Promise<EvaluationFormView> {
    return this.evaluations.send(actor, formId);
  }

  @Query(() => EvaluationToAnswer, {
    description: 'The form behind a mailed evaluation link; no sign-in needed.',
  })
  evaluationByToken(@Args() args: EvaluationTokenArgs): Promise<EvaluationToAnswer> {
    return this.evaluations.byToken(args.token);
  }

  @Query(() => [EvaluationToAnswer], {
    description: "The signed-in participant's own evaluations, open ones first.",
  })
  myEvaluations(@CurrentActor() actor: Actor): Promise<EvaluationToAnswer[]> {
    return this.evaluations.mine(actor);
  }

  @Mutation(() => EvaluationToAnswer, {
    description: 'Answers an evaluation once, by its link token or (signed in) by invitation id.',
  })
  submitEvaluation(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitEvaluationInput,
  ): Promise<EvaluationToAnswer> {
    return this.evaluations.submit(actor, input);
  }
}
