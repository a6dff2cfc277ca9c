import { Injectable } from '@nestjs/common';
import { Actor } from '@platform/core';

/**
 * What the directory asks of the libs that hold events (conferences, trainings), which
 * register themselves here at start: who of some people takes part in an event a staff
 * member runs, and who takes part in an event they do not run. Taking part means
 * being registered, enrolled, speaking, moderating or facilitating, in any status.
 */
export interface EventPeople {
  /** The ids among `personIds` taking part in an event this actor runs. */
  inEventsOf(actor: Actor, personIds: string[]): Promise<Set<string>>;
  /** The ids among `personIds` taking part in an event this actor does not run. */
  inOtherEvents(actor: Actor, personIds: string[]): Promise<Set<string>>;
}

/** Where each event lib plugs in its EventPeople. */
@Injectable()
export class EventPeoplePort {
  private readonly sources: EventPeople[] = [];

  register(source: EventPeople): void {
    this.sources.push(source);
  }

  inEventsOf(actor: Actor, personIds: string[]): Promise<Set<string>> {
    return this.union((source) => source.inEventsOf(actor, personIds));
  }

  inOtherEvents(actor: Actor, personIds: string[]): Promise<Set<string>> {
    return this.union((source) => source.inOtherEvents(actor, personIds));
  }

  private async union(ask: (source: EventPeople) => Promise<Set<string>>): Promise<Set<string>> {
    const sets = await Promise.all(this.sources.map(ask));
    return new Set(sets.flatMap((set) => [...set]));
  }
}
