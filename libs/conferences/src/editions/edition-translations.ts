import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, EventKind, MissingTranslation, missingTranslationsOf } from '@platform/core';
import { CertificatesService } from '@platform/documents';
import { MailWordings } from '@platform/mail';
import { AGENDA_ORDER } from '../agenda/agenda-order';
import { AgendaSession, SessionSpeaker } from '../agenda/agenda-session.entity';
import { Recommendation } from '../recommendations/recommendation.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';
import { EditionAccess } from './edition-access';
import { Edition, EditionPartner } from './edition.entity';

/**
 * What is left to translate of an edition's content, for those who manage it: its own
 * texts, then its agenda in agenda order (each session followed by its speakers' titles),
 * its working groups, its recommendations by number, its partners' names, its certificate
 * settings, then its mail wordings. One query per kind of item, whatever the edition's size.
 */
@Injectable()
export class EditionTranslations {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    private readonly wordings: MailWordings,
    private readonly certificates: CertificatesService,
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
      ...missingTranslationsOf('Edition', edition),
      ...sessions.flatMap((session) => [
        ...missingTranslationsOf('AgendaSession', session),
        ...speakers
          .filter((speaker) => speaker.session.id === session.id)
          .flatMap((speaker) => missingTranslationsOf('SessionSpeaker', speaker)),
      ]),
      ...groups.flatMap((group) => missingTranslationsOf('WorkingGroup', group)),
      ...recommendations.flatMap((recommendation) =>
        missingTranslationsOf('Recommendation', recommendation),
      ),
      ...organizations.flatMap((organization) =>
        missingTranslationsOf('Organization', organization),
      ),
      // Its certificates' signatories, and its own mail wordings (written in the mailings lib).
      ...(await this.certificates.missingTranslations({ kind: EventKind.EDITION, id: edition.id })),
      ...(await this.wordings.untranslated({ kind: EventKind.EDITION, id: edition.id })),
    ];
  }
}
