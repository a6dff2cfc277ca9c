import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { User } from '@platform/accounts';
import { IsId } from '@platform/core';
import { Organization, Person } from '@platform/directory';
import { TrainingEvent } from '../events/training-event.entity';

@InputType({ description: 'Whether an event trains trainers, and whose trainers deliver it.' })
export class EventCascadeInput {
  @Field({ description: 'A training of trainers: those who complete it become trainers.' })
  @IsBoolean()
  trainingOfTrainers!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'A training of trainers of the same programme, started no later, whose trainers deliver this event; null when none.',
  })
  @IsOptional()
  @IsId()
  deliveredByTrainersOfId?: string | null;
}

@ObjectType({
  description:
    'Someone who trains or was trained: a person of the directory, or a trainer account not linked to one.',
})
export class CascadePerson {
  @Field(() => ID, { description: 'The person’s id, or the account’s when it has no person.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s name (Latin); null for an account not linked to a person.',
  })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'The name in another script (Cyrillic).' })
  fullNameAlt!: string | null;

  @Field(() => Person, { nullable: true })
  person!: Person | null;

  @Field(() => User, { nullable: true, description: 'The trainer account, if any.' })
  account!: User | null;

  @Field(() => Organization, { nullable: true })
  organization!: Organization | null;
}

@ObjectType({ description: 'An event a trainer ran, with the people trained there.' })
export class TrainedEvent {
  @Field(() => TrainingEvent)
  event!: TrainingEvent;

  @Field(() => Int, { description: 'Trainees who completed the event.' })
  peopleTrained!: number;
}

@ObjectType({ description: 'One person of a programme’s trainer pool.' })
export class TrainerPoolEntry {
  @Field(() => CascadePerson)
  trainer!: CascadePerson;

  @Field(() => [TrainedEvent], { description: 'The programme’s events they trained.' })
  eventsTrained!: TrainedEvent[];

  @Field(() => [TrainingEvent], {
    description: 'The programme’s trainings of trainers they completed: empty when none.',
  })
  trainedAsTrainerAt!: TrainingEvent[];
}

@ObjectType({ description: 'An event delivered by the trainers of a training of trainers.' })
export class CascadeEvent {
  @Field(() => TrainingEvent)
  event!: TrainingEvent;

  @Field(() => [CascadePerson], { description: 'Its trainers.' })
  trainers!: CascadePerson[];

  @Field(() => [CascadePerson], { description: 'Trainees who completed it.' })
  trainees!: CascadePerson[];
}

@ObjectType({
  description: 'One training of trainers and what followed: master trainers → trainers → trainees.',
})
export class CascadeBranch {
  @Field(() => TrainingEvent)
  event!: TrainingEvent;

  @Field(() => [CascadePerson], { description: 'The trainers of the training of trainers.' })
  masterTrainers!: CascadePerson[];

  @Field(() => [CascadePerson], { description: 'Those who completed it: the trainers trained.' })
  trainers!: CascadePerson[];

  @Field(() => [CascadeEvent], { description: 'Events delivered by its trainers.' })
  cascadeEvents!: CascadeEvent[];

  @Field(() => Int, { description: 'Distinct people who completed its cascade events.' })
  traineeCount!: number;
}

@ObjectType({
  description:
    'Distinct people trained (completed an event, as the indicators count it), each counted once.',
})
export class CascadeReach {
  @Field(() => Int, {
    description: 'Trained at the programme’s events not delivered through the cascade.',
  })
  direct!: number;

  @Field(() => Int, { description: 'Trained at cascade events and not already counted as direct.' })
  throughCascade!: number;

  @Field(() => Int, { description: 'direct + throughCascade.' })
  total!: number;
}

@ObjectType({ description: 'The training-of-trainers cascade of a programme, and its reach.' })
export class ProgrammeCascade {
  @Field(() => [CascadeBranch], { description: 'One per training of trainers, by date.' })
  branches!: CascadeBranch[];

  @Field(() => CascadeReach)
  reach!: CascadeReach;
}
