import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, translate } from '@platform/core';
import { Person } from '@platform/directory';
import { ConferenceErrorCode } from '../conference-error-code';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import { assertDayOf } from './agenda-days';
import { AGENDA_ORDER } from './agenda-order';
import { AgendaSession, SessionSpeaker } from './agenda-session.entity';
import {
  AgendaSessionInput,
  MoveDirection,
  SpeakerInput,
  UpdateAgendaSessionInput,
  UpdateSpeakerInput,
} from './dto/agenda.input';

@Injectable()
export class AgendaService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
  ) {}

  /** One day of a visible edition, in time order. */
  async day(actor: Actor, editionId: string, day: number): Promise<AgendaSession[]> {
    const edition = await this.access.viewable(actor, editionId);
    assertDayOf(edition, day);
    return this.em.find(AgendaSession, { edition, day }, { orderBy: AGENDA_ORDER });
  }

  async addSession(
    actor: Actor,
    editionId: string,
    input: AgendaSessionInput,
  ): Promise<AgendaSession> {
    const edition = await this.access.manageable(actor, editionId);
    const { speakers = [], moderatorId, translations, ...fields } = input;
    await this.checkSlot(edition, fields);
    // Check every person before creating anything: a bad speaker leaves nothing behind.
    const moderator = await this.personRef(moderatorId, 'moderatorId');
    const seen = new Set<string>();
    for (const [position, speaker] of speakers.entries()) {
      const field = `speakers.${position}.personId`;
      if (seen.has(speaker.personId))
        throw DomainError.invalid(field, `the same person is listed twice`);
      seen.add(speaker.personId);
      await this.personRef(speaker.personId, field);
    }
    const session = this.em.create(AgendaSession, { ...fields, edition, moderator });
    translate(session, translations);
    speakers.forEach((speaker, position) => this.addSpeakerTo(session, speaker, position));
    await this.em.flush();
    return session;
  }

  async updateSession(
    actor: Actor,
    sessionId: string,
    input: UpdateAgendaSessionInput,
  ): Promise<AgendaSession> {
    const session = await this.sessionToManage(actor, sessionId);
    const { moderatorId, translations, ...fields } = input;
    const next = { ...session, ...fields };
    await this.checkSlot(await session.edition.loadOrFail(), next, [session.id]);
    this.em.assign(session, fields);
    translate(session, translations);
    if (moderatorId !== undefined)
      session.moderator = await this.personRef(moderatorId, 'moderatorId');
    await this.em.flush();
    return session;
  }

  /**
   * Swaps a session with its neighbour in the day's time order: the pair keeps the span
   * it had (the first starts when the earlier one started, the second ends when the later
   * one ended) and each keeps its length. Returns the day in its new order.
   */
  async moveSession(
    actor: Actor,
    sessionId: string,
    direction: MoveDirection,
  ): Promise<AgendaSession[]> {
    const session = await this.sessionToManage(actor, sessionId);
    const edition = await session.edition.loadOrFail();
    const day = await this.em.find(
      AgendaSession,
      { edition, day: session.day },
      { orderBy: AGENDA_ORDER },
    );
    const index = day.findIndex((s) => s.id === session.id);
    const other = day[direction === MoveDirection.EARLIER ? index - 1 : index + 1];
    if (!other) {
      throw DomainError.invalid(
        'direction',
        direction === MoveDirection.EARLIER
          ? 'the session is already the first of its day'
          : 'the session is already the last of its day',
      );
    }
    const [earlier, later] =
      direction === MoveDirection.EARLIER ? [other, session] : [session, other];
    const start = minutes(earlier.startTime);
    const end = Math.max(minutes(earlier.endTime), minutes(later.endTime));
    const laterLength = minutes(later.endTime) - minutes(later.startTime);
    const earlierLength = minutes(earlier.endTime) - minutes(earlier.startTime);
    const moves = [
      { session: later, startTime: clock(start), endTime: clock(start + laterLength) },
      { session: earlier, startTime: clock(end - earlierLength), endTime: clock(end) },
    ];
    for (const move of moves) {
      await this.checkSlot(
        edition,
        {
          day: session.day,
          startTime: move.startTime,
          endTime: move.endTime,
          room: move.session.room,
        },
        [earlier.id, later.id],
      );
    }
    for (const move of moves) {
      this.em.assign(move.session, { startTime: move.startTime, endTime: move.endTime });
    }
    await this.em.flush();
    // AGENDA_ORDER within the day, except that the moved session goes first among equals.
    return [...day].sort(
      (a, b) =>
        a.startTime.localeCompare(b.startTime) ||
        a.endTime.localeCompare(b.endTime) ||
        // Sessions at the same time: the moved one goes where it was asked to go.
        (a === later ? -1 : b === later ? 1 : a.id.localeCompare(b.id)),
    );
  }

  async removeSession(actor: Actor, sessionId: string): Promise<boolean> {
    const session = await this.sessionToManage(actor, sessionId);
    await this.em.remove(session).flush();
    return true;
  }

  async addSpeaker(actor: Actor, sessionId: string, input: SpeakerInput): Promise<AgendaSession> {
    const session = await this.sessionToManage(actor, sessionId);
    if (await this.em.count(SessionSpeaker, { session, person: input.personId })) {
      throw DomainError.invalid('personId', 'already a speaker in this session');
    }
    await this.personRef(input.personId, 'personId');
    this.addSpeakerTo(session, input, await this.em.count(SessionSpeaker, { session }));
    await this.em.flush();
    return session;
  }

  /** Changes a speaker's title on the agenda or its translations. */
  async updateSpeaker(
    actor: Actor,
    sessionId: string,
    personId: string,
    input: UpdateSpeakerInput,
  ): Promise<AgendaSession> {
    const session = await this.sessionToManage(actor, sessionId);
    const speaker = await this.em.findOne(SessionSpeaker, { session, person: personId });
    if (!speaker) throw DomainError.invalid('personId', 'not a speaker in this session');
    const { translations, ...changes } = input;
    this.em.assign(speaker, changes);
    translate(speaker, translations);
    await this.em.flush();
    return session;
  }

  async removeSpeaker(actor: Actor, sessionId: string, personId: string): Promise<AgendaSession> {
    const session = await this.sessionToManage(actor, sessionId);
    await this.em.nativeDelete(SessionSpeaker, { session, person: personId });
    return session;
  }

  private addSpeakerTo(session: AgendaSession, input: SpeakerInput, position: number): void {
    const speaker = this.em.create(SessionSpeaker, {
      session,
      person: input.personId,
      titleOnAgenda: input.titleOnAgenda,
      position,
    });
    translate(speaker, input.translations);
  }

  private async sessionToManage(actor: Actor, sessionId: string): Promise<AgendaSession> {
    const session = await this.em.findOne(AgendaSession, sessionId);
    if (!session) throw DomainError.notFound('Agenda session', sessionId);
    await this.access.manageable(actor, session.edition.id);
    return session;
  }

  private async personRef(personId: string | null | undefined, field: string) {
    if (!personId) return undefined;
    if (!(await this.em.count(Person, { id: personId }))) {
      throw DomainError.invalid(field, `no person with id "${personId}"`);
    }
    return this.em.getReference(Person, personId, { wrapped: true });
  }

  /** The day exists, the times are in order, and the room is not already taken then. */
  private async checkSlot(
    edition: Edition,
    slot: { day: number; startTime: string; endTime: string; room?: string },
    exceptSessionIds: string[] = [],
  ): Promise<void> {
    assertDayOf(edition, slot.day);
    if (slot.endTime <= slot.startTime)
      throw DomainError.invalid('endTime', 'must be after startTime');
    if (!slot.room) return;
    const clash = await this.em.findOne(AgendaSession, {
      edition,
      day: slot.day,
      room: slot.room,
      startTime: { $lt: slot.endTime },
      endTime: { $gt: slot.startTime },
      id: exceptSessionIds.length > 0 ? { $nin: exceptSessionIds } : undefined,
    });
    if (clash) {
      throw DomainError.invalid(
        'room',
        `${slot.room} is taken by "${clash.title}" from ${clash.startTime} to ${clash.endTime}`,
        ConferenceErrorCode.ROOM_DOUBLE_BOOKED,
      );
    }
  }
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
