import { Injectable } from '@nestjs/common';
import { EditionAccess, RegistrationsService, RegistrationStatus } from '@platform/conferences';
import {
  Actor,
  EventKind,
  EventRef,
  inLanguage,
  LanguageCode,
  LANGUAGES,
  Role,
} from '@platform/core';
import { Person } from '@platform/directory';
import { AttendanceService, TrainingAccess } from '@platform/trainings';

/** What an evaluation needs to know of the event it is about, whatever its kind. */
export interface EvaluatedEvent {
  ref: EventRef;
  /** The title in each language. */
  title: Record<LanguageCode, string>;
  startDate: string;
  endDate: string;
  /** The programme of a training event (for the outcome figures). */
  programmeId?: string;
}

/**
 * The rights of the evaluations' own jobs (sending due follow-ups, reminders): they act
 * for the platform, as an admin would, and never for a person.
 */
export const SYSTEM = new Actor('system', Role.ADMIN, null);

/** One kind of event, seen through its own domain's services. */
interface EventAdapter {
  /** The event, if the actor runs it; else NOT_FOUND or FORBIDDEN as that domain decides. */
  managed(actor: Actor, id: string): Promise<EvaluatedEvent>;
  /** Who is asked to answer: the people who took part. */
  respondents(id: string): Promise<Person[]>;
}

const titles = (
  title: string,
  translations: Parameters<typeof inLanguage>[1],
): Record<LanguageCode, string> =>
  Object.fromEntries(
    LANGUAGES.map((language) => [language, inLanguage(title, translations, 'title', language)]),
  ) as Record<LanguageCode, string>;

/** Training events: run by their trainers and programme organizers; trainees who attended. */
@Injectable()
export class TrainingEventAdapter implements EventAdapter {
  constructor(
    private readonly access: TrainingAccess,
    private readonly attendance: AttendanceService,
  ) {}

  async managed(actor: Actor, id: string): Promise<EvaluatedEvent> {
    const event = await this.access.event(actor, id);
    return {
      ref: { kind: EventKind.TRAINING_EVENT, id },
      title: titles(event.title, event.translations),
      startDate: event.startDate,
      endDate: event.endDate,
      programmeId: event.programme.id,
    };
  }

  /** Enrolled trainees marked present (or late) on at least one day. */
  async respondents(id: string): Promise<Person[]> {
    const { entries } = await this.attendance.roster(SYSTEM, id);
    return entries.filter((entry) => entry.attendedDays > 0).map((entry) => entry.person);
  }
}

/** Conference editions: managed by their organizers; the seated registrations. */
@Injectable()
export class EditionAdapter implements EventAdapter {
  constructor(
    private readonly access: EditionAccess,
    private readonly registrations: RegistrationsService,
  ) {}

  async managed(actor: Actor, id: string): Promise<EvaluatedEvent> {
    const edition = await this.access.manageable(actor, id);
    return {
      ref: { kind: EventKind.EDITION, id },
      title: titles(edition.title, edition.translations),
      startDate: edition.startDate,
      endDate: edition.endDate,
    };
  }

  /** Registered or confirmed participants (checked in or not: the seat was theirs). */
  async respondents(id: string): Promise<Person[]> {
    const people: Person[] = [];
    for (const status of [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED]) {
      let after: string | undefined;
      for (;;) {
        const page = await this.registrations.list(SYSTEM, id, { status }, { first: 100, after });
        people.push(...(await Promise.all(page.nodes.map((node) => node.person.loadOrFail()))));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
    return people;
  }
}

/** The adapter of each kind of event. */
@Injectable()
export class EvaluatedEvents {
  constructor(
    private readonly trainings: TrainingEventAdapter,
    private readonly editions: EditionAdapter,
  ) {}

  private of(ref: EventRef): EventAdapter {
    return ref.kind === EventKind.TRAINING_EVENT ? this.trainings : this.editions;
  }

  managed(actor: Actor, ref: EventRef): Promise<EvaluatedEvent> {
    return this.of(ref).managed(actor, ref.id);
  }

  respondents(ref: EventRef): Promise<Person[]> {
    return this.of(ref).respondents(ref.id);
  }
}
