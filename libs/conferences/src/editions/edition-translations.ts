import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  EventKind,
  languageEnum,
  MissingTranslation,
  missingTranslations,
  Translatable,
} from '@platform/core';
import { MailWordings } from '@platform/mail';
import { AGENDA_ORDER } from '../agenda/agenda-order';
import { AgendaSession, SessionSpeaker } from '../agenda/agenda-session.entity';
import { Recommendation } from '../recommendations/recommendation.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';
import { EditionAccess } from './edition-access';
import { Edition, EditionPartner } from './edition.entity';

/** The texts of one item still missing a version, as MissingTranslation rows. */
export function missingOf(
  itemType: string,
  item: Translatable & { id: string },
): MissingTranslation[] {
  return missingTranslations(item.translatableTexts(), item.translations).map(
    ({ field, text, languages }) => ({
      itemType,
      itemId: item.id,
      field,
      text,
      languages: languages.map(languageEnum),
    }),
  );
}

/**
 * What is left to translate of an edition's content, for those who manage it: its own
 * texts, then its agenda in agenda order (each session followed by its speakers' titles),
 * its working groups, its recommendations by number, its partners' names, then its mail
 * wordings. One query per kind of item, whatever the edition's size.
 */
@Injectable()
export class EditionTranslations {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    private readonly wordings: MailWordings,
  ) {}

  /** null for those who may not manage the edition (as Edition.organizers). */
  async missing(actor: Actor, edition: Edition): Promise<MissingTranslation[] | null> {
    if (!(await this.access.canManage(actor, edition.id))) return null;
    const sessions = await this.em.find(AgendaSession, { edition }, { orderBy: AGENDA_ORDER });
    const speakers = await this.em.find(
      SessionSpeaker,
      { session: { edition } },
      { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    );
    const groups = await this.em.find(
      WorkingGroup,
      { edition },
      { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
    );
    const recommendations = await this.em.find(
      Recommendation,
      { edition },
      { orderBy: { number: 'asc' } },
    );
    const partners = await this.em.find(
      EditionPartner,
      { edition },
      { populate: ['organization'] },
    );
    const organizations = [
      ...new Map(partners.map((p) => [p.organization.id, p.organization.getEntity()])).values(),
    ].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return [
      ...missingOf('Edition', edition),
      ...sessions.flatMap((session) => [
        ...missingOf('AgendaSession', session),
        ...speakers
          .filter((speaker) => speaker.session.id === session.id)
          .flatMap((speaker) => missingOf('SessionSpeaker', speaker)),
      ]),
      ...groups.flatMap((group) => missingOf('WorkingGroup', group)),
      ...recommendations.flatMap((recommendation) => missingOf('Recommendation', recommendation)),
      ...organizations.flatMap((organization) => missingOf('Organization', organization)),
      // Its own mail wordings, written by organizers in the mailings lib.
      ...(await this.wordings.untranslated({ kind: EventKind.EDITION, id: edition.id })),
    ];
  }
}
