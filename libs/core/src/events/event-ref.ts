import { DomainError } from '../errors/domain-error';

/** The two kinds of event the platform runs; documents and mail about one name it by kind. */
export enum EventKind {
  EDITION = 'EDITION',
  TRAINING_EVENT = 'TRAINING_EVENT',
}

/** One event, whatever its kind: what a certificate, a document job or a mail is about. */
export interface EventRef {
  kind: EventKind;
  id: string;
}

/**
 * The event an API input names with its two optional ids (the GraphQL shape): exactly
 * one must be given. `required` says which kind the operation needs, if it needs one,
 * and for what (the error says "is required for <for>").
 */
export function eventRefOf(
  input: { editionId?: string | null; trainingEventId?: string | null },
  required?: { kind: EventKind; for: string },
): EventRef {
  const { editionId, trainingEventId } = input;
  if (editionId && trainingEventId) {
    throw DomainError.invalid(
      'trainingEventId',
      'give the edition or the training event, not both',
    );
  }
  if (required?.kind === EventKind.TRAINING_EVENT && !trainingEventId) {
    throw DomainError.invalid('trainingEventId', `is required for ${required.for}`);
  }
  if (required?.kind === EventKind.EDITION && !editionId) {
    throw DomainError.invalid('editionId', `is required for ${required.for}`);
  }
  if (trainingEventId) return { kind: EventKind.TRAINING_EVENT, id: trainingEventId };
  if (editionId) return { kind: EventKind.EDITION, id: editionId };
  throw DomainError.invalid('editionId', 'give the edition or the training event');
}

/** The API's two ids for an event (the inverse of eventRefOf), for output fields. */
export function eventIdsOf(event: EventRef | null | undefined): {
  editionId?: string;
  trainingEventId?: string;
} {
  if (!event) return {};
  return event.kind === EventKind.EDITION ? { editionId: event.id } : { trainingEventId: event.id };
}
