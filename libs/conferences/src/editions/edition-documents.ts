import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, inLanguage, LanguageCode } from '@platform/core';
import {
  AgendaContent,
  EditionHeader,
  PdfRenderer,
  RecommendationsContent,
  TrainingEvidenceLine,
} from '@platform/documents';
import { AGENDA_ORDER } from '../agenda/agenda-order';
import { AgendaSession } from '../agenda/agenda-session.entity';
import {
  Recommendation,
  RecommendationFollowUp,
  RecommendationStatus,
} from '../recommendations/recommendation.entity';
import { RecommendationEvidenceSources } from '../recommendations/recommendation-evidence';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { EditionAccess } from './edition-access';
import { Edition, EditionPartner } from './edition.entity';
import { editionIssuers } from './edition-issuers';

type FollowUpEvidence =
  RecommendationsContent['groups'][number]['recommendations'][number]['followUps'][number]['evidence'];

/**
 * An edition's documents (adopted recommendations, agenda): gathered with the caller's
 * rights, then rendered by the documents' templates.
 */
@Injectable()
export class EditionDocuments {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly recommendationsService: RecommendationsService,
    private readonly evidenceSources: RecommendationEvidenceSources,
    private readonly renderer: PdfRenderer,
  ) {}

  /** Adopted recommendations by working group, with follow-up recorded at later editions. */
  async recommendations(actor: Actor, editionId: string, language: LanguageCode): Promise<Buffer> {
    return this.recommendationsOf(await this.editions.viewable(actor, editionId), language, actor);
  }

  /** The same document for an edition already allowed; follow-ups as `actor` may see them. */
  async recommendationsOf(edition: Edition, language: LanguageCode, actor: Actor): Promise<Buffer> {
    const recommendations = await this.em.find(
      Recommendation,
      { edition, status: RecommendationStatus.ADOPTED },
      { populate: ['workingGroup'], orderBy: [{ number: 'asc' }, { id: 'asc' }] },
    );
    const followUps = await this.recommendationsService.visibleFollowUps(
      actor,
      await this.em.find(
        RecommendationFollowUp,
        { recommendation: { $in: recommendations } },
        { populate: ['edition'], orderBy: [{ edition: { year: 'asc' } }, { recordedAt: 'asc' }] },
      ),
    );
    const evidence = await Promise.all(
      followUps.map((followUp) => this.evidenceOf(followUp, language)),
    );
    const groups = new Map<string, RecommendationsContent['groups'][number]>();
    for (const recommendation of recommendations) {
      const group = recommendation.workingGroup?.getEntity();
      const workingGroup = group && inLanguage(group.name, group.translations, 'name', language);
      const key = recommendation.workingGroup?.id ?? '';
      const entry = groups.get(key) ?? { workingGroup, recommendations: [] };
      const { translations } = recommendation;
      entry.recommendations.push({
        number: recommendation.number,
        text: inLanguage(recommendation.text, translations, 'text', language),
        addressedTo: inLanguage(recommendation.addressedTo, translations, 'addressedTo', language),
        followUps: followUps
          .map((followUp, i) => ({ followUp, evidence: evidence[i] }))
          .filter(({ followUp }) => followUp.recommendation.id === recommendation.id)
          .map(({ followUp, evidence }) => ({
            year: followUp.edition.getEntity().year,
            status: followUp.status,
            note: followUp.note,
            evidence,
          })),
      });
      groups.set(key, entry);
    }
    // Plenary recommendations first, then working groups by name.
    const ordered = [...groups.values()].sort((a, b) =>
      (a.workingGroup ?? '').localeCompare(b.workingGroup ?? ''),
    );
    return this.renderer.recommendations({
      language,
      edition: await this.header(edition, language),
      groups: ordered,
    });
  }

  /** The figures of the trainings that implement a follow-up's recommendation, as of its edition. */
  private async evidenceOf(
    followUp: RecommendationFollowUp,
    language: LanguageCode,
  ): Promise<FollowUpEvidence | undefined> {
    const evidence = await this.evidenceSources.evidence(
      this.em,
      followUp.recommendation.id,
      followUp.edition.getEntity().startDate,
    );
    if (!evidence?.items.length) return undefined;
    const figures = ({ eventsHeld, peopleTrained, meanKnowledgeGain }: TrainingEvidenceLine) => ({
      eventsHeld,
      peopleTrained,
      meanKnowledgeGain,
    });
    return {
      lines: evidence.items.map((item) => ({
        title: inLanguage(item.title, item.translations, 'title', language),
        ...figures(item),
      })),
      total: evidence.items.length > 1 ? figures(evidence) : undefined,
    };
  }

  /** Days, times, sessions and speakers with their titles. */
  async agenda(actor: Actor, editionId: string, language: LanguageCode): Promise<Buffer> {
    const edition = await this.editions.viewable(actor, editionId);
    const sessions = await this.em.find(
      AgendaSession,
      { edition },
      {
        populate: ['moderator', 'speakers.person'],
        orderBy: AGENDA_ORDER,
      },
    );
    const days: AgendaContent['days'] = edition.days.map(({ number, date }) => ({
      number,
      date,
      sessions: sessions
        .filter((session) => session.day === number)
        .map((session) => ({
          startTime: session.startTime,
          endTime: session.endTime,
          kind: session.kind,
          title: inLanguage(session.title, session.translations, 'title', language),
          room: inLanguage(session.room, session.translations, 'room', language),
          moderator: session.moderator?.getEntity().nameIn(language),
          speakers: session.speakers
            .getItems()
            .sort((a, b) => a.position - b.position)
            .map((speaker) => ({
              name: speaker.person.getEntity().nameIn(language),
              title:
                inLanguage(
                  speaker.titleOnAgenda,
                  speaker.translations,
                  'titleOnAgenda',
                  language,
                ) ?? speaker.person.getEntity().position,
            })),
        })),
    }));
    return this.renderer.agenda({
      language,
      edition: await this.header(edition, language),
      days,
    });
  }

  /** The edition as its documents head it, in the reader's language. */
  async header(edition: Edition, language: LanguageCode): Promise<EditionHeader> {
    const partners = await this.em.find(
      EditionPartner,
      { edition },
      { populate: ['organization'], orderBy: [{ role: 'asc' }, { organization: { name: 'asc' } }] },
    );
    const { translations } = edition;
    return {
      title: inLanguage(edition.title, translations, 'title', language),
      theme: inLanguage(edition.theme, translations, 'theme', language),
      startDate: edition.startDate,
      endDate: edition.endDate,
      city: inLanguage(edition.city, translations, 'city', language),
      countryCode: edition.hostCountry,
      venue: inLanguage(edition.venue, translations, 'venue', language),
      partners: partners.map((partner) => {
        const organization = partner.organization.getEntity();
        return {
          name: inLanguage(organization.name, organization.translations, 'name', language),
          role: partner.role,
        };
      }),
      issuers: await editionIssuers(this.em, edition),
    };
  }
}
