import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Actor, CsvArgs, CsvSeparator, CurrentActor, IdArg, readerLanguage } from '@platform/core';
import { Enrollment } from '../enrollments/enrollment.entity';
import { IndicatorDimension } from '../indicators/indicators.types';
import { KnowledgeResultsService } from './knowledge-results';
import { KnowledgeQuestion, KnowledgeTest, KnowledgeTestKind } from './knowledge-test.entity';
import { KnowledgeTestsService } from './knowledge-tests.service';
import {
  CreateKnowledgeTestInput,
  KnowledgeResults,
  KnowledgeScopeInput,
  KnowledgeTestToTake,
  MyKnowledgeAttempt,
  PaperScoreInput,
  TraineeKnowledge,
  TraineeKnowledgeRow,
  UpdateKnowledgeTestInput,
} from './knowledge.types';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingProgramme } from '../programmes/training-programme.entity';

/** Knowledge tests: writing them (organizers), taking them (trainees), paper scores (trainers). */
@Resolver(() => KnowledgeTest)
export class KnowledgeTestsResolver {
  constructor(private readonly tests: KnowledgeTestsService) {}

  @Query(() => KnowledgeTest, {
    nullable: true,
    description: "The programme's own knowledge test (its organizers).",
  })
  programmeKnowledgeTest(@CurrentActor() actor: Actor, @IdArg('programmeId') programmeId: string) {
    return this.tests.ofProgramme(actor, programmeId);
  }

  @Query(() => KnowledgeTest, {
    nullable: true,
    description:
      "The test the event's trainees take: the event's own, else its programme's (those who run the event).",
  })
  eventKnowledgeTest(@CurrentActor() actor: Actor, @IdArg('eventId') eventId: string) {
    return this.tests.ofEvent(actor, eventId);
  }

  @Mutation(() => KnowledgeTest, { description: 'Organizers of the programme and admins.' })
  createKnowledgeTest(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateKnowledgeTestInput,
  ) {
    return this.tests.create(actor, input);
  }

  @Mutation(() => KnowledgeTest, {
    description:
      'Changes the pass mark or replaces the questions; refused (CONFLICT) once any trainee has an attempt.',
  })
  updateKnowledgeTest(
    @CurrentActor() actor: Actor,
    @IdArg('testId') testId: string,
    @Args('input') input: UpdateKnowledgeTestInput,
  ) {
    return this.tests.update(actor, testId, input);
  }

  @Mutation(() => KnowledgeTest, {
    description:
      'Opens (or closes) the test to trainees online; opening needs every text in en, ru and uz.',
  })
  openKnowledgeTest(
    @CurrentActor() actor: Actor,
    @IdArg('testId') testId: string,
    @Args('open', { defaultValue: true }) open: boolean,
  ) {
    return this.tests.open(actor, testId, open);
  }

  @Query(() => KnowledgeTestToTake, {
    nullable: true,
    description:
      "For the trainee: the event's test to take (null when there is none open to trainees).",
  })
  myKnowledgeTest(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('kind', { type: () => KnowledgeTestKind }) kind: KnowledgeTestKind,
  ) {
    return this.tests.toTake(actor, eventId, kind);
  }

  @Mutation(() => MyKnowledgeAttempt, {
    description:
      'The trainee submits all answers at once (the options chosen per question, in order); scored on the server and stored once.',
  })
  submitKnowledgeTest(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('kind', { type: () => KnowledgeTestKind }) kind: KnowledgeTestKind,
    @Args('answers', { type: () => [[Int]] }) answers: number[][],
  ) {
    return this.tests.submit(actor, eventId, kind, answers);
  }

  @Mutation(() => [TraineeKnowledgeRow], {
    description:
      'Those who run the event enter scores from paper tests (percent) for many trainees at once.',
  })
  enterKnowledgeScores(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('kind', { type: () => KnowledgeTestKind }) kind: KnowledgeTestKind,
    @Args('scores', { type: () => [PaperScoreInput] }) scores: PaperScoreInput[],
  ) {
    return this.tests.enterPaperScores(actor, eventId, kind, scores);
  }

  @Query(() => [TraineeKnowledgeRow], {
    description: 'Every trainee of the event with pre, post and gain (those who run it).',
  })
  eventKnowledgeScores(@CurrentActor() actor: Actor, @IdArg('eventId') eventId: string) {
    return this.tests.eventScores(actor, eventId);
  }

  @ResolveField(() => [KnowledgeQuestion])
  questions(@Parent() test: KnowledgeTest) {
    return this.tests.questions(test);
  }

  @ResolveField(() => TrainingProgramme, { nullable: true })
  programme(@Parent() test: KnowledgeTest) {
    return test.programme?.loadOrFail() ?? null;
  }

  @ResolveField(() => TrainingEvent, { nullable: true })
  event(@Parent() test: KnowledgeTest) {
    return test.event?.loadOrFail() ?? null;
  }

  @ResolveField(() => Int, {
    description: 'Stored attempts: once there is one, the test cannot change.',
  })
  attemptCount(@Parent() test: KnowledgeTest) {
    return this.tests.attemptCount(test);
  }
}

/** A trainee's scores on their enrollment. */
@Resolver(() => Enrollment)
export class EnrollmentKnowledgeResolver {
  constructor(private readonly tests: KnowledgeTestsService) {}

  @ResolveField(() => TraineeKnowledge, {
    description:
      'Pre, post and gain, for the trainee and those who run the event; openTests for the trainee.',
  })
  knowledge(@Parent() enrollment: Enrollment, @CurrentActor() actor: Actor) {
    return this.tests.ofEnrollment(actor, enrollment);
  }
}

@Resolver(() => KnowledgeResults)
export class KnowledgeResultsResolver {
  constructor(private readonly results: KnowledgeResultsService) {}

  @Query(() => KnowledgeResults, {
    description:
      'Knowledge gain (pre/post tests) grouped like the indicators, with totals. Admins: all; organizers: their programmes; trainers: their events.',
  })
  knowledgeResults(
    @CurrentActor() actor: Actor,
    @Args('scope', { type: () => KnowledgeScopeInput, nullable: true }) scope?: KnowledgeScopeInput,
    @Args('groupBy', { type: () => [IndicatorDimension], defaultValue: [] })
    groupBy: IndicatorDimension[] = [],
  ) {
    return this.results.results(actor, scope ?? {}, groupBy);
  }

  @ResolveField(() => String, {
    description:
      'The same figures as CSV (shares in percent), headers in `language`, fields separated by `separator`.',
  })
  csv(
    @Parent() result: KnowledgeResults,
    @Context() context: unknown,
    @Args() { language, separator }: CsvArgs,
  ) {
    return KnowledgeResultsService.csv(
      result,
      language ?? readerLanguage(context),
      separator ?? CsvSeparator.COMMA,
    );
  }
}
