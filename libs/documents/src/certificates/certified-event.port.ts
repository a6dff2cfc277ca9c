import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, EventKind, EventRef, LANGUAGES, LanguageCode } from '@platform/core';
import { Person } from '@platform/directory';
import { CertificateErrorCode } from './certificate-error-code';
import { CertificateKind } from './certificate.entity';

/** A text the organizers typed, in each of the three languages (English where untranslated). */
export type InEachLanguage<T> = Record<LanguageCode, T>;

/** The same thing made in each language, e.g. `inEachLanguage((l) => inLanguage(…, l))`. */
export function inEachLanguage<T>(make: (language: LanguageCode) => T): InEachLanguage<T> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, make(language)])) as Record<
    LanguageCode,
    T
  >;
}

/** What every certificate of one event prints, whoever holds it. */
export interface EventFacts {
  year: number;
  /** The event's title and city as printed in each language. */
  texts: InEachLanguage<{ title: string; city: string }>;
  startDate: string;
  endDate: string;
  countryCode: string;
  days: number;
}

/** A person who may receive a certificate of the kind asked for. */
export interface Eligible {
  person: Person;
  /** Speakers: the sessions they spoke in, in agenda order, in each language. */
  sessionTitles?: InEachLanguage<string[]>;
}

/**
 * What the documents need from an event of one kind. The domain that owns the event
 * implements it (conferences for editions, trainings for training events) and
 * registers it with CertifiedEvents; documents never read those domains' tables.
 * Eligibility is read with the caller's EntityManager, so the answer is the one the
 * issuing transaction acts on.
 */
export interface CertifiedEventPort {
  readonly kind: EventKind;
  /** Unless the actor manages the event: NOT_FOUND or FORBIDDEN. `lock` holds it until commit. */
  assertManages(actor: Actor, id: string, em: EntityManager, lock?: boolean): Promise<void>;
  canManage(actor: Actor, id: string): Promise<boolean>;
  facts(em: EntityManager, id: string): Promise<EventFacts>;
  /** Printed when the settings name no issuers: the organizations behind the event. */
  defaultIssuers(em: EntityManager, id: string): Promise<InEachLanguage<string[]>>;
  /** Everyone eligible, by person id; NOT_ELIGIBLE for all before certificates are due. */
  everyoneEligible(
    em: EntityManager,
    kind: CertificateKind,
    id: string,
    today: string,
  ): Promise<Map<string, Eligible>>;
  /** The one person, or NOT_ELIGIBLE (see notEligible) saying why not. */
  eligible(
    em: EntityManager,
    kind: CertificateKind,
    id: string,
    person: Person,
    today: string,
  ): Promise<Eligible>;
}

/** The event kind a certificate kind is issued for. */
export function eventKindOf(kind: CertificateKind): EventKind {
  return kind === CertificateKind.TRAINING_COMPLETION
    ? EventKind.TRAINING_EVENT
    : EventKind.EDITION;
}

/** The refusal every eligibility rule gives: BAD_USER_INPUT with reason NOT_ELIGIBLE. */
export function notEligible(message: string, field = 'personId'): DomainError {
  return DomainError.refusedInput(field, message, CertificateErrorCode.NOT_ELIGIBLE);
}

/** The registered ports, one per event kind. */
@Injectable()
export class CertifiedEvents {
  private readonly ports = new Map<EventKind, CertifiedEventPort>();

  register(port: CertifiedEventPort): void {
    this.ports.set(port.kind, port);
  }

  of(event: EventRef | EventKind): CertifiedEventPort {
    const kind = typeof event === 'string' ? event : event.kind;
    const port = this.ports.get(kind);
    if (!port) throw new Error(`No certified-event port for ${kind} in this process`);
    return port;
  }
}
