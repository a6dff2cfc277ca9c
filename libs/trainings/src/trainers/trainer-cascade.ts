import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { Actor, DomainError } from '@platform/core';
import { Person } from '@platform/directory';
import { EventTrainer, TrainingEvent } from '../events/training-event.entity';
import { IndicatorFact } from '../indicators/indicator-fact.entity';
import { TrainingAccess } from '../training-access';
import {
  CascadeBranch,
  CascadePerson,
  EventCascadeInput,
  ProgrammeCascade,
  TrainerPoolEntry,
} from './trainers.types';

/** What one programme's cascade is made of, read in a fixed number of statements. */
interface ProgrammeTraining {
  /** By start date. */
  events: TrainingEvent[];
  /** The trainers of each event, by event id. */
  trainersOf: Map<string, CascadePerson[]>;
  /** The people who completed each event ("trained", as the indicators count it), by event id. */
  completersOf: Map<string, string[]>;
  /** The completers whose names are shown (those of trainings of trainers and cascade events). */
  people: Map<string, CascadePerson>;
}

const FIELD = 'deliveredByTrainersOfId';

function fromPerson(person: Person, account: User | null = null): CascadePerson {
  return {
    id: person.id,
    fullName: person.fullName,
    fullNameAlt: person.fullNameAlt ?? null,
    person,
    account,
    organization: person.organization?.getEntity() ?? null,
  };
}

/** A trainer account, as the person behind it when it is linked to one. */
function fromAccount(user: User): CascadePerson {
  const person = user.person?.getEntity();
  if (person) return fromPerson(person, user);
  return {
    id: user.id,
    fullName: null,
    fullNameAlt: null,
    person: null,
    account: user,
    organization: null,
  };
}

const byName = (a: CascadePerson, b: CascadePerson) =>
  (a.fullName ?? '\uffff').localeCompare(b.fullName ?? '\uffff') || a.id.localeCompare(b.id);

const isCascadeEvent = (event: TrainingEvent) => Boolean(event.deliveredByTrainersOf);

/**
 * The trainer pool and the training-of-trainers cascade of a programme. A training of
 * trainers (ToT) is an event whose completers become trainers; a cascade event is one
 * delivered by the trainers of a ToT (`deliveredByTrainersOf`, same programme, started no
 * later). "Trained" means completed under the event's rule, read from the indicator
 * facts (IndicatorFacts), as every training indicator counts it. Programme organizers
 * and admins see both (TrainingAccess.programme).
 */
@Injectable()
export class TrainerCascade {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
  ) {}

  /**
   * Marks an event as a ToT and/or as delivered by a ToT's trainers. The organizers of
   * the programme and admins do; its trainers may not (they run it, not the programme).
   */
  async mark(actor: Actor, eventId: string, input: EventCascadeInput): Promise<TrainingEvent> {
    const event = await this.access.event(actor, eventId);
    if (!(await this.access.canManageProgramme(actor, event.programme.id))) {
      throw DomainError.forbidden('Only the organizers of the programme mark the cascade.');
    }
    const events = await this.em.find(TrainingEvent, { programme: event.programme.id });
    const byId = new Map(events.map((e) => [e.id, e]));
    const targetId = input.deliveredByTrainersOfId ?? null;
    if (targetId !== null) {
      if (targetId === event.id) {
        throw DomainError.invalid(FIELD, 'an event cannot be delivered by its own trainers');
      }
      const target = byId.get(targetId);
      if (!target) throw DomainError.invalid(FIELD, 'no event with this id in the programme');
      if (!target.trainingOfTrainers) {
        throw DomainError.invalid(FIELD, `"${target.title}" is not a training of trainers`);
      }
      if (target.startDate > event.startDate) {
        throw DomainError.invalid(FIELD, `"${target.title}" starts after this event`);
      }
      const seen = new Set<string>();
      for (let at: TrainingEvent | undefined = target; at && !seen.has(at.id); ) {
        if (at.id === event.id) {
          throw DomainError.invalid(
            FIELD,
            `"${target.title}" is itself delivered, through the cascade, by this event’s trainers`,
          );
        }
        seen.add(at.id);
        at = at.deliveredByTrainersOf ? byId.get(at.deliveredByTrainersOf.id) : undefined;
      }
    }
    if (!input.trainingOfTrainers) {
      const dependents = events.filter((e) => e.deliveredByTrainersOf?.id === event.id);
      if (dependents.length) {
        throw DomainError.invalid(
          'trainingOfTrainers',
          `its trainers deliver ${dependents.map((e) => `"${e.title}"`).join(', ')}`,
        );
      }
    }
    event.trainingOfTrainers = input.trainingOfTrainers;
    event.deliveredByTrainersOf = targetId
      ? this.em.getReference(TrainingEvent, targetId, { wrapped: true })
      : null;
    await this.em.flush();
    return event;
  }

  /** The ToT event an event is delivered by, when the actor runs that one too. */
  async deliveredBy(actor: Actor, event: TrainingEvent): Promise<TrainingEvent | null> {
    if (!event.deliveredByTrainersOf) return null;
    const tot = await event.deliveredByTrainersOf.loadOrFail();
    return (await this.access.canRunEvent(actor, tot)) ? tot : null;
  }

  /**
   * Everyone who trains in the programme, once each: the people behind the trainer
   * accounts of its events (an account not linked to a person counts as its own) and
   * the completers of its trainings of trainers.
   */
  async pool(actor: Actor, programmeId: string): Promise<TrainerPoolEntry[]> {
    await this.access.programme(actor, programmeId);
    const training = await this.read(programmeId);
    const entries = new Map<string, TrainerPoolEntry>();
    const entry = (who: CascadePerson) => {
      let found = entries.get(who.id);
      if (!found) {
        found = { trainer: who, eventsTrained: [], trainedAsTrainerAt: [] };
        entries.set(who.id, found);
      }
      if (!found.trainer.account && who.account) found.trainer = who;
      return found;
    };
    for (const event of training.events) {
      const peopleTrained = training.completersOf.get(event.id)?.length ?? 0;
      for (const trainer of training.trainersOf.get(event.id) ?? []) {
        entry(trainer).eventsTrained.push({ event, peopleTrained });
      }
      if (!event.trainingOfTrainers) continue;
      for (const id of training.completersOf.get(event.id) ?? []) {
        entry(training.people.get(id)!).trainedAsTrainerAt.push(event);
      }
    }
    return [...entries.values()].sort((a, b) => byName(a.trainer, b.trainer));
  }

  /** Per ToT: master trainers → trainers → trainees, and the reach, each person once. */
  async cascade(actor: Actor, programmeId: string): Promise<ProgrammeCascade> {
    await this.access.programme(actor, programmeId);
    const training = await this.read(programmeId);
    const people = (ids: string[] = []) => ids.map((id) => training.people.get(id)!).sort(byName);
    const branches: CascadeBranch[] = training.events
      .filter((event) => event.trainingOfTrainers)
      .map((tot) => {
        const cascadeEvents = training.events
          .filter((event) => event.deliveredByTrainersOf?.id === tot.id)
          .map((event) => ({
            event,
            trainers: [...(training.trainersOf.get(event.id) ?? [])].sort(byName),
            trainees: people(training.completersOf.get(event.id)),
          }));
        const trainees = new Set(cascadeEvents.flatMap((c) => c.trainees.map((p) => p.id)));
        return {
          event: tot,
          masterTrainers: [...(training.trainersOf.get(tot.id) ?? [])].sort(byName),
          trainers: people(training.completersOf.get(tot.id)),
          cascadeEvents,
          traineeCount: trainees.size,
        };
      });
    const trainedAt = (cascade: boolean) =>
      new Set(
        training.events
          .filter((event) => isCascadeEvent(event) === cascade)
          .flatMap((event) => training.completersOf.get(event.id) ?? []),
      );
    const direct = trainedAt(false);
    const throughCascade = [...trainedAt(true)].filter((id) => !direct.has(id)).length;
    return {
      branches,
      reach: {
        direct: direct.size,
        throughCascade,
        total: direct.size + throughCascade,
      },
    };
  }

  /**
   * The programme's events, their trainers, and who completed each: four statements
   * whatever the number of events (events, trainers with their accounts and people,
   * completion facts, the people to name).
   */
  private async read(programmeId: string): Promise<ProgrammeTraining> {
    const events = await this.em.find(
      TrainingEvent,
      { programme: programmeId },
      { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
    );
    const trainerRows = events.length
      ? await this.em.find(
          EventTrainer,
          { event: { $in: events.map((e) => e.id) } },
          { populate: ['user.person.organization'], strategy: 'joined' },
        )
      : [];
    const trainersOf = new Map<string, CascadePerson[]>();
    for (const row of trainerRows) {
      const list = trainersOf.get(row.event.id) ?? [];
      list.push(fromAccount(row.user.getEntity()));
      trainersOf.set(row.event.id, list);
    }
    const facts = await this.em.find(
      IndicatorFact,
      { programmeId, completed: 1 },
      { fields: ['eventId', 'personId'], disableIdentityMap: true },
    );
    const completersOf = new Map<string, string[]>();
    for (const fact of facts) {
      const list = completersOf.get(fact.eventId) ?? [];
      list.push(fact.personId);
      completersOf.set(fact.eventId, list);
    }
    const named = new Set(
      events
        .filter((event) => event.trainingOfTrainers || isCascadeEvent(event))
        .flatMap((event) => completersOf.get(event.id) ?? []),
    );
    const persons = named.size
      ? await this.em.find(
          Person,
          { id: { $in: [...named] } },
          { populate: ['organization'], strategy: 'joined' },
        )
      : [];
    const people = new Map(persons.map((person) => [person.id, fromPerson(person)]));
    return { events, trainersOf, completersOf, people };
  }
}
