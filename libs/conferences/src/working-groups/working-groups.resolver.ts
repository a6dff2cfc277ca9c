import { Args, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, actorOf, CurrentActor, DomainError, IdArg, RequestWithActor } from '@platform/core';
import { Person, PersonRead } from '@platform/directory';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import {
  EditionReadModel,
  RegistrationRead,
  WorkingGroupRead,
} from '../editions/edition-read-model';
import { Registration } from '../registrations/registration.entity';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './dto/working-group.input';
import { WorkingGroup } from './working-group.entity';
import { WorkingGroupsService } from './working-groups.service';

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly access: EditionAccess,
  ) {}

  @Mutation(() => WorkingGroup)
  createWorkingGroup(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('input') input: CreateWorkingGroupInput,
  ) {
    return this.groups.create(actor, editionId, input);
  }

  @Mutation(() => WorkingGroup)
  updateWorkingGroup(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateWorkingGroupInput,
  ) {
    return this.groups.update(actor, id, input);
  }

  @Mutation(() => WorkingGroup)
  addWorkingGroupFacilitator(
    @CurrentActor() actor: Actor,
    @IdArg('workingGroupId') workingGroupId: string,
    @IdArg('personId') personId: string,
  ) {
    return this.groups.addFacilitator(actor, workingGroupId, personId);
  }

  @Mutation(() => WorkingGroup)
  removeWorkingGroupFacilitator(
    @CurrentActor() actor: Actor,
    @IdArg('workingGroupId') workingGroupId: string,
    @IdArg('personId') personId: string,
  ) {
    return this.groups.removeFacilitator(actor, workingGroupId, personId);
  }

  @Mutation(() => WorkingGroup, {
    description: 'Adds a registered participant of the same edition.',
  })
  addWorkingGroupMember(
    @CurrentActor() actor: Actor,
    @IdArg('workingGroupId') workingGroupId: string,
    @IdArg('registrationId') registrationId: string,
  ) {
    return this.groups.addMember(actor, workingGroupId, registrationId);
  }

  @Mutation(() => WorkingGroup)
  removeWorkingGroupMember(
    @CurrentActor() actor: Actor,
    @IdArg('workingGroupId') workingGroupId: string,
    @IdArg('registrationId') registrationId: string,
  ) {
    return this.groups.removeMember(actor, workingGroupId, registrationId);
  }

  // No parameter decorators on the fields: Nest calls them directly (see AgendaResolver).

  @ResolveField(() => [Person])
  async facilitators(group: WorkingGroup | WorkingGroupRead): Promise<(Person | PersonRead)[]> {
    if (group instanceof WorkingGroupRead) return group.facilitators;
    const rows = (await group.facilitators.load()).getItems();
    return Promise.all(rows.map((row) => row.person.loadOrFail()));
  }

  @ResolveField(() => Int)
  async memberCount(group: WorkingGroup | WorkingGroupRead): Promise<number> {
    if (group instanceof WorkingGroupRead) return group.members.length;
    return (await group.members.load()).count();
  }

  @ResolveField(() => [Registration], { description: 'Organizers only.' })
  async members(
    group: WorkingGroup | WorkingGroupRead,
    _args: unknown,
    context: { req?: RequestWithActor },
  ): Promise<(Registration | RegistrationRead)[]> {
    const actor = actorOf(context);
    if (!(await this.access.canManage(actor, group.edition.id))) {
      throw actor.isAuthenticated
        ? DomainError.forbidden('Only the organizers of this edition see working group members.')
        : DomainError.unauthenticated();
    }
    if (group instanceof WorkingGroupRead) return group.members;
    const rows = (await group.members.load()).getItems();
    return Promise.all(rows.map((row) => row.registration.loadOrFail()));
  }
}

/** An edition's working groups. */
@Resolver(() => Edition)
export class EditionWorkingGroupsResolver {
  constructor(private readonly reads: EditionReadModel) {}

  // By name. No parameter decorators: Nest calls it directly.
  @ResolveField(() => [WorkingGroup])
  workingGroups(edition: Edition): Promise<WorkingGroupRead[]> {
    return this.reads.workingGroups(edition);
  }
}
