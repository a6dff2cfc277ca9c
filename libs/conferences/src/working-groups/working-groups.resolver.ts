import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, DomainError, IdArg } from '@platform/core';
import { Person } from '@platform/directory';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
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

  @ResolveField(() => [Person])
  async facilitators(@Parent() group: WorkingGroup): Promise<Person[]> {
    const rows = (await group.facilitators.load()).getItems();
    return Promise.all(rows.map((row) => row.person.loadOrFail()));
  }

  @ResolveField(() => Int)
  async memberCount(@Parent() group: WorkingGroup): Promise<number> {
    return (await group.members.load()).count();
  }

  @ResolveField(() => [Registration], { description: 'Organizers only.' })
  async members(
    @Parent() group: WorkingGroup,
    @CurrentActor() actor: Actor,
  ): Promise<Registration[]> {
    if (!(await this.access.canManage(actor, group.edition.id))) {
      throw actor.isAuthenticated
        ? DomainError.forbidden('Only the organizers of this edition see working group members.')
        : DomainError.unauthenticated();
    }
    const rows = (await group.members.load()).getItems();
    return Promise.all(rows.map((row) => row.registration.loadOrFail()));
  }
}

/** An edition's working groups. */
@Resolver(() => Edition)
export class EditionWorkingGroupsResolver {
  @ResolveField(() => [WorkingGroup])
  async workingGroups(@Parent() edition: Edition): Promise<WorkingGroup[]> {
    const groups = (await edition.workingGroups.load()).getItems();
    return [...groups].sort((a, b) => a.name.localeCompare(b.name));
  }
}
