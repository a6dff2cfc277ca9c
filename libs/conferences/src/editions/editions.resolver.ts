import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Actor, Connection, CurrentActor, IdArg, Paginated } from '@platform/core';
import { Organization } from '@platform/directory';
import { AgendaSession } from '../agenda/agenda-session.entity';
import { assertDayOf } from '../agenda/agenda.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import {
  Recommendation,
  RecommendationFollowUp,
  RecommendationStatus,
} from '../recommendations/recommendation.entity';
import { RegistrationsArgs } from '../registrations/dto/registration.input';
import { EditionParticipation, ParticipationService } from '../registrations/participation';
import { Registration } from '../registrations/registration.entity';
import { RegistrationsService } from '../registrations/registrations.service';
import { ConferenceSeries } from '../series/conference-series.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';
import {
  CreateEditionInput,
  EditionsArgs,
  PartnerInput,
  UpdateEditionInput,
} from './dto/edition.input';
import { Edition, EditionPartner, EditionStatus } from './edition.entity';
import { EditionsService } from './editions.service';

const EditionConnection = Paginated(Edition);
export const RegistrationConnection = Paginated(Registration);

const byTime = (a: AgendaSession, b: AgendaSession) =>
  a.day - b.day ||
  a.startTime.localeCompare(b.startTime) ||
  a.endTime.localeCompare(b.endTime) ||
  a.id.localeCompare(b.id);

@Resolver(() => Edition)
export class EditionsResolver {
  constructor(
    private readonly editionsService: EditionsService,
    private readonly registrationsService: RegistrationsService,
    private readonly participationService: ParticipationService,
    private readonly recommendationsService: RecommendationsService,
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
  async partners(@Parent() edition: Edition): Promise<EditionPartner[]> {
    return (await edition.partners.load()).getItems();
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

  @ResolveField(() => [AgendaSession], {
    description: 'The agenda in time order; one day if `day` is given.',
  })
  async agenda(
    @Parent() edition: Edition,
    @Args('day', { type: () => Int, nullable: true }) day?: number,
  ): Promise<AgendaSession[]> {
    if (day !== undefined) assertDayOf(edition, day);
    const sessions = (await edition.sessions.load()).getItems();
    return sessions.filter((session) => day === undefined || session.day === day).sort(byTime);
  }

  @ResolveField(() => [WorkingGroup])
  async workingGroups(@Parent() edition: Edition): Promise<WorkingGroup[]> {
    const groups = (await edition.workingGroups.load()).getItems();
    return [...groups].sort((a, b) => a.name.localeCompare(b.name));
  }

  @ResolveField(() => [Recommendation], {
    description: 'Adopted ones for everyone; drafts too for organizers.',
  })
  async recommendations(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => RecommendationStatus, nullable: true })
    status?: RecommendationStatus,
  ): Promise<Recommendation[]> {
    const visible = await this.recommendationsService.visibleStatuses(actor, edition);
    const all = (await edition.recommendations.load()).getItems();
    return all
      .filter((r) => (!visible || visible.includes(r.status)) && (!status || r.status === status))
      .sort((a, b) => a.number - b.number);
  }

  @ResolveField(() => [RecommendationFollowUp], {
    description: "Progress on earlier editions' recommendations recorded here.",
  })
  followUps(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationFollowUp[]> {
    return this.recommendationsService.followUpsAt(actor, edition);
  }

  @ResolveField(() => RegistrationConnection, {
    description: 'Organizers only.',
  })
  registrations(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: RegistrationsArgs,
  ): Promise<Connection<Registration>> {
    return this.registrationsService.list(actor, edition.id, filter, page);
  }

  @ResolveField(() => EditionParticipation, { description: 'Organizers only.' })
  participation(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
  ): Promise<EditionParticipation> {
    return this.participationService.forEdition(actor, edition.id);
  }
}

@Resolver(() => EditionPartner)
export class EditionPartnerResolver {
  @ResolveField(() => Organization)
  organization(@Parent() partner: EditionPartner): Promise<Organization> {
    return partner.organization.loadOrFail();
  }
}
