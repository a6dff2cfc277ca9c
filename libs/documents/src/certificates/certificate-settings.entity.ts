import { randomUUID } from 'node:crypto';
import {
  Entity,
  EntityManager,
  Enum,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DomainError, EventKind, EventRef, Translations } from '@platform/core';
import { Language } from '@platform/directory';
import { CertificateErrorCode } from './certificate-error-code';

@ObjectType({ description: 'A person who signs the certificates of an event.' })
export class CertificateSignatory {
  @Field() name!: string;
  @Field({ description: 'e.g. "Chair of the National Commission".' }) position!: string;
  @Field({ nullable: true }) organization?: string;
}

/** How the certificates of one edition or training event are numbered, worded and signed. */
@ObjectType()
@Entity()
@Unique({ properties: ['eventKind', 'eventId'] })
export class CertificateSettings {
  [OptionalProps]?: 'translations' | 'signatories' | 'issuers' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @Enum({ items: () => EventKind, type: 'string', length: 20 })
  eventKind!: EventKind;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Field({ description: 'Serial numbers read PREFIX-YEAR-NNNNNN, e.g. TIP-2022-000123.' })
  @Property({ type: 'string', length: 12 })
  serialPrefix!: string;

  @Field(() => Language, {
    nullable: true,
    description:
      "Bilingual certificates: printed in the holder's language and this one (unless the same).",
  })
  @Enum({ items: () => Language, type: 'string', length: 2, nullable: true })
  secondLanguage?: Language;

  @Field(() => Int, { nullable: true, description: 'Academic hours printed on the certificate.' })
  @Property({ type: 'integer', nullable: true })
  hours?: number;

  @Field(() => [CertificateSignatory])
  @Property({ type: 'json' })
  signatories: CertificateSignatory[] = [];

  @Field(() => [String], {
    description:
      'Issuing organizations as printed; when empty, the edition’s hosts and co-organizers or the programme’s owner and funders.',
  })
  @Property({ type: 'json' })
  issuers: string[] = [];

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The settings of an edition or a training event, if set up. */
export function findSettings(
  em: EntityManager,
  event: EventRef,
): Promise<CertificateSettings | null> {
  return em.findOne(CertificateSettings, { eventKind: event.kind, eventId: event.id });
}

/** The event's settings, or a CONFLICT saying to set them up first. */
export async function settingsOf(em: EntityManager, event: EventRef): Promise<CertificateSettings> {
  const settings = await findSettings(em, event);
  if (!settings) {
    throw DomainError.conflict(
      CertificateErrorCode.NOT_CONFIGURED,
      'Set up the certificates of this event first (configureCertificates: serial prefix, signatories).',
    );
  }
  return settings;
}
