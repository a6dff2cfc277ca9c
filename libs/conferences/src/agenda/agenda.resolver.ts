import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { Person, PersonRead } from '@platform/directory';
import { Edition } from '../editions/edition.entity';
import {
  AgendaSessionRead,
  EditionReadModel,
  SessionSpeakerRead,
} from '../editions/edition-read-model';
import { assertDayOf } from './agenda-days';
import { AgendaSession, SessionSpeaker } from './agenda-session.entity';
import { AgendaService } from './agenda.service';
import {
  AgendaSessionInput,
  MoveDirection,
  SpeakerInput,
  UpdateSpeakerInput,
  UpdateAgendaSessionInput,
} from './dto/agenda.input';

@Resolver(() => AgendaSession)
export class AgendaResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Query(() => [AgendaSession], { description: 'One day of an edition agenda, in time order.' })
  agendaDay(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('day', { type: () => Int }) day: number,
  ): Promise<AgendaSession[]> {
    return this.agenda.day(actor, editionId, day);
  }

  @Mutation(() => AgendaSession)
  addAgendaSession(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('input') input: AgendaSessionInput,
  ) {
    return this.agenda.addSession(actor, editionId, input);
  }

  @Mutation(() => AgendaSession)
  updateAgendaSession(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateAgendaSessionInput,
  ) {
    return this.agenda.updateSession(actor, id, input);
  }

  @Mutation(() => [AgendaSession], {
    description:
      'Swaps a session with the one before or after it on its day (each keeps its length); returns the day in time order.',
  })
  moveAgendaSession(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('direction', { type: () => MoveDirection }) direction: MoveDirection,
  ) {
    return this.agenda.moveSession(actor, id, direction);
  }

  @Mutation(() => Boolean)
  removeAgendaSession(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.agenda.removeSession(actor, id);
  }

  @Mutation(() => AgendaSession)
  addSessionSpeaker(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @Args('input') input: SpeakerInput,
  ) {
    return this.agenda.addSpeaker(actor, sessionId, input);
  }

  @Mutation(() => AgendaSession, {
    description: "Changes a speaker's title on the agenda or its Russian and Uzbek versions.",
  })
  updateSessionSpeaker(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @IdArg('personId') personId: string,
    @Args('input') input: UpdateSpeakerInput,
  ) {
    return this.agenda.updateSpeaker(actor, sessionId, personId, input);
  }

  @Mutation(() => AgendaSession)
  removeSessionSpeaker(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @IdArg('personId') personId: string,
  ) {
    return this.agenda.removeSpeaker(actor, sessionId, personId);
  }

  // The fields below run once per session or speaker of an agenda. Without parameter
  // decorators Nest calls them directly, with graphql-js's (parent, args, context), and
  // a read object (EditionReadModel) answers at once, without a promise.

  @ResolveField(() => [SessionSpeaker], { description: 'In speaking order.' })
  async speakers(
    session: AgendaSession | AgendaSessionRead,
  ): Promise<(SessionSpeaker | SessionSpeakerRead)[]> {
    if (session instanceof AgendaSessionRead) return session.speakers;
    const speakers = (await session.speakers.load()).getItems();
    return [...speakers].sort((a, b) => a.position - b.position);
  }

  @ResolveField(() => Person, { nullable: true })
  moderator(session: AgendaSession | AgendaSessionRead): Promise<Person> | PersonRead | null {
    if (session instanceof AgendaSessionRead) return session.moderator;
    return session.moderator ? session.moderator.loadOrFail() : null;
  }
}

@Resolver(() => SessionSpeaker)
export class SessionSpeakerResolver {
  // No parameter decorators: Nest calls it directly (see AgendaResolver).
  @ResolveField(() => Person)
  person(speaker: SessionSpeaker | SessionSpeakerRead): Promise<Person> | PersonRead {
    if (speaker instanceof SessionSpeakerRead) return speaker.person;
    return speaker.person.loadOrFail();
  }
}

/** An edition's agenda. */
@Resolver(() => Edition)
export class EditionAgendaResolver {
  constructor(private readonly reads: EditionReadModel) {}

  @ResolveField(() => [AgendaSession], {
    description: 'The agenda in time order; one day if `day` is given.',
  })
  async agenda(
    @Parent() edition: Edition,
    @Args('day', { type: () => Int, nullable: true }) day?: number,
  ): Promise<AgendaSessionRead[]> {
    if (day !== undefined) assertDayOf(edition, day);
    const sessions = await this.reads.agenda(edition.id);
    return day === undefined ? sessions : sessions.filter((session) => session.day === day);
  }
}
