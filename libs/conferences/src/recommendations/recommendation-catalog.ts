import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Actor, DomainError, isId, TranslatedField, Translations } from '@platform/core';
import { ConferenceErrorCode } from '../conference-error-code';
import { EditionAccess } from '../editions/edition-access';
import { Recommendation, RecommendationStatus } from './recommendation.entity';

@ObjectType({
  description: 'An adopted recommendation as other domains name it: its number, edition and text.',
})
export class RecommendationSummary {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @TranslatedField()
  text!: string;

  @Field(() => ID)
  editionId!: string;

  @Field(() => Int, { description: 'The year of the edition that adopted it.' })
  year!: number;

  @TranslatedField({ description: 'The city of that edition.' })
  city!: string;

  /** Russian and Uzbek versions of `text` and `city`. */
  translations!: Translations;
}

const MAX_LINKED = 50;

/**
 * The adopted recommendations other domains may name (trainings implementing them):
 * those of editions the actor may see. Others do not exist for them.
 */
@Injectable()
export class RecommendationCatalog {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
  ) {}

  /**
   * Checks a list of recommendation ids given in `field`: each an adopted recommendation
   * the actor may see, none twice. Returns the ids, lower-cased.
   */
  async adopted(actor: Actor, ids: string[], field: string): Promise<string[]> {
    if (ids.length > MAX_LINKED)
      throw DomainError.invalid(field, `at most ${MAX_LINKED} recommendations`);
    ids.forEach((id, i) => {
      if (!isId(id)) throw DomainError.invalid(`${field}.${i}`, 'is not an id');
    });
    const wanted = ids.map((id) => id.toLowerCase());
    const found = wanted.length
      ? await this.em.find(Recommendation, { id: { $in: wanted } }, { populate: ['edition'] })
      : [];
    for (const [i, id] of wanted.entries()) {
      if (wanted.indexOf(id) !== i) throw DomainError.invalid(`${field}.${i}`, 'listed twice');
      const recommendation = found.find((r) => r.id === id);
      if (
        !recommendation ||
        !(await this.access.canView(actor, recommendation.edition.getEntity()))
      )
        throw DomainError.invalid(`${field}.${i}`, `no recommendation with id "${id}"`);
      if (recommendation.status !== RecommendationStatus.ADOPTED)
        throw DomainError.invalid(
          `${field}.${i}`,
          'only adopted recommendations are implemented',
          ConferenceErrorCode.RECOMMENDATION_NOT_ADOPTED,
        );
    }
    return wanted;
  }

  /** The adopted ones among `ids` the actor may see, by edition year and number. */
  async summaries(actor: Actor, ids: string[]): Promise<RecommendationSummary[]> {
    if (!ids.length) return [];
    const recommendations = await this.em.find(
      Recommendation,
      { id: { $in: ids }, status: RecommendationStatus.ADOPTED },
      { populate: ['edition'] },
    );
    const visible: RecommendationSummary[] = [];
    for (const recommendation of recommendations) {
      const edition = recommendation.edition.getEntity();
      if (!(await this.access.canView(actor, edition))) continue;
      visible.push({
        id: recommendation.id,
        number: recommendation.number,
        text: recommendation.text,
        editionId: edition.id,
        year: edition.year,
        city: edition.city,
        translations: {
          ...(recommendation.translations.text && { text: recommendation.translations.text }),
          ...(edition.translations.city && { city: edition.translations.city }),
        },
      });
    }
    return visible.sort((a, b) => a.year - b.year || a.number - b.number);
  }
}
