import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import {
  Actor,
  Connection,
  CurrentActor,
  IdArg,
  MissingTranslation,
  Paginated,
} from '@platform/core';
import { Organization, OrganizationRead } from '@platform/directory';
import { ConferenceSeries } from '../series/conference-series.entity';
import {
  CreateEditionInput,
  EditionsArgs,
  PartnerInput,
  UpdateEditionInput,
} from './dto/edition.input';
import { Edition, EditionPartner, EditionStatus } from './edition.entity';
import { EditionTranslations } from './edition-translations';
import { EditionsService } from './editions.service';
import { EditionPartnerRead, EditionReadModel } from './edition-read-model';

const EditionConnection = Paginated(Edition);

/**
 * Editions and their own fields. The fields other domains hang on an edition (agenda,
 * workingGroups, recommendations, followUps, registrations, participation) are resolved
 * in those domains' resolvers.
 */
@Resolver(() => Edition)
export class EditionsResolver {
  constructor(
    private readonly editionsService: EditionsService,
    private readonly translations: EditionTranslations,
    private readonly reads: EditionReadModel,
  ) {}

  @Query(() => EditionConnection, {
    description: 'Published editions, plus unpublished ones you organize.',
  })
  editions(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: EditionsArgs,
  ): Promise<Connection<Edition>> {
    return this.editionsService.listEditions(actor, filter, page);
  }

  @Query(() => Edition)
  edition(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<Edition> {
    return this.editionsService.getEdition(actor, id);
  }

  @Mutation(() => Edition)
  createEdition(@CurrentActor() actor: Actor, @Args('input') input: CreateEditionInput) {
    return this.editionsService.createEdition(actor, input);
  }

  @Mutation(() => Edition)
  updateEdition(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateEditionInput,
  ) {
    return this.editionsService.updateEdition(actor, id, input);
  }

  @Mutation(() => Edition, { description: 'PLANNING → REGISTRATION_OPEN → IN_PROGRESS → CLOSED.' })
  changeEditionStatus(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('status', { type: () => EditionStatus }) status: EditionStatus,
  ) {
    return this.editionsService.changeStatus(actor, id, status);
  }

  @Mutation(() => EditionPartner)
  addEditionPartner(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('input') input: PartnerInput,
  ) {
    return this.editionsService.addPartner(actor, editionId, input);
  }

  @Mutation(() => Boolean)
  removeEditionPartner(@CurrentActor() actor: Actor, @IdArg('partnerId') partnerId: string) {
    return this.editionsService.removePartner(actor, partnerId);
  }

  @Mutation(() => Edition, { description: 'Lets another organizer account manage this edition.' })
  assignEditionOrganizer(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.editionsService.assignOrganizer(actor, editionId, userId);
  }

  @ResolveField(() => ConferenceSeries)
  series(@Parent() edition: Edition): Promise<ConferenceSeries> {
    return edition.series.loadOrFail();
  }

  @ResolveField(() => [EditionPartner])
  partners(@Parent() edition: Edition): Promise<EditionPartnerRead[]> {
    return this.reads.partners(edition.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may change it: its organizers and admins.',
  })
  canManage(@Parent() edition: Edition, @CurrentActor() actor: Actor): Promise<boolean> {
    return this.editionsService.canManage(actor, edition);
  }

  @ResolveField(() => [EditionStatus], {
    description:
      'The statuses changeEditionStatus accepts now, for its organizers and admins (empty for others).',
  })
  nextStatuses(@Parent() edition: Edition, @CurrentActor() actor: Actor): Promise<EditionStatus[]> {
    return this.editionsService.nextStatuses(actor, edition);
  }

  @ResolveField(() => [User], {
    nullable: true,
    description: 'Organizer accounts (visible to organizers).',
  })
  organizers(@Parent() edition: Edition, @CurrentActor() actor: Actor): Promise<User[] | null> {
    return this.editionsService.organizersOf(actor, edition);
  }

  @ResolveField(() => [MissingTranslation], {
    nullable: true,
    description:
      'What is left to translate (visible to organizers): the texts of the edition, its sessions, speakers, working groups, recommendations, partners and mail wordings whose Russian or Uzbek version (or, for a wording, any language) is missing.',
  })
  missingTranslations(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
  ): Promise<MissingTranslation[] | null> {
    return this.translations.missing(actor, edition);
  }
}

@Resolver(() => EditionPartner)
export class EditionPartnerResolver {
  // No parameter decorators: Nest calls it directly (see AgendaResolver).
  @ResolveField(() => Organization)
  organization(
    partner: EditionPartner | EditionPartnerRead,
  ): Promise<Organization> | OrganizationRead {
    if (partner instanceof EditionPartnerRead) return partner.organization;
    return partner.organization.loadOrFail();
  }
}
