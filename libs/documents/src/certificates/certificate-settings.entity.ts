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
import { Field, FieldMiddleware, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  DomainError,
  EventKind,
  EventRef,
  inLanguage,
  LanguageCode,
  listInLanguage,
  listTexts,
  readerLanguage,
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Language } from '@platform/directory';
import { CertificateErrorCode } from './certificate-error-code';

@ObjectType({ description: 'A person who signs the certificates of an event.' })
export class CertificateSignatory {
  @Field() name!: string;
  @Field({ description: 'e.g. "Chair of the National Commission".' }) position!: string;
  @Field({ nullable: true }) organization?: string;
}

/**
 * The signatories in one language: their positions and organizations translated
 * (`signatories.N.position`, `signatories.N.organization`), their names as they are.
 */
export function signatoriesIn(
  settings: Pick<CertificateSettings, 'signatories' | 'translations'>,
  language: LanguageCode,
): CertificateSignatory[] {
  return settings.signatories.map(({ name, position, organization }, i) => ({
    name,
    position: inLanguage(position, settings.translations, `signatories.${i}.position`, language),
    organization: inLanguage(
      organization,
      settings.translations,
      `signatories.${i}.organization`,
      language,
    ),
  }));
}

/** The issuers as printed in one language (`issuers.N`). */
export function issuersIn(
  settings: Pick<CertificateSettings, 'issuers' | 'translations'>,
  language: LanguageCode,
): string[] {
  return listInLanguage(settings.issuers, settings.translations, 'issuers', language);
}

/** GraphQL reads the signatories in the reader's language (the source is the settings). */
const signatoriesInReaderLanguage: FieldMiddleware<CertificateSettings> = ({ source, context }) =>
  signatoriesIn(source, readerLanguage(context));

/** How the certificates of one edition or training event are numbered, worded and signed. */
@ObjectType()
@Entity()
@Unique({ properties: ['eventKind', 'eventId'] })
export class CertificateSettings {
  [OptionalProps]?: 'translations' | 'versions' | 'signatories' | 'issuers' | 'updatedAt';

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

  @Field(() => [CertificateSignatory], {
    description: "Positions and organizations in the reader's language.",
    middleware: [signatoriesInReaderLanguage],
  })
  @Property({ type: 'json' })
  signatories: CertificateSignatory[] = [];

  @TranslatedField(() => [String], {
    description:
      'Issuing organizations as printed; when empty, the edition’s hosts and co-organizers or the programme’s owner and funders.',
  })
  @Property({ type: 'json' })
  issuers: string[] = [];

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  translatableTexts(): TranslatableTexts {
    return {
      ...Object.fromEntries(
        this.signatories.flatMap(({ position, organization }, i) => [
          [`signatories.${i}.position`, position],
          [`signatories.${i}.organization`, organization],
        ]),
      ),
      ...listTexts('issuers', this.issuers),
    };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
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
