import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Actor, CommonErrorCode, DomainError, lockFor, translate } from '@platform/core';
import { Person } from '@platform/directory';
import { ConferenceErrorCode } from '../conference-error-code';
import { EditionAccess } from '../editions/edition-access';
import { Registration, SEATED_STATUSES } from '../registrations/registration.entity';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './dto/working-group.input';
import { WorkingGroup, WorkingGroupFacilitator, WorkingGroupMember } from './working-group.entity';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
  ) {}

  async create(
    actor: Actor,
    editionId: string,
    input: CreateWorkingGroupInput,
  ): Promise<WorkingGroup> {
    const edition = await this.access.manageable(actor, editionId);
    const { facilitatorIds = [], translations, ...fields } = input;
    await this.assertNameFree(editionId, fields.name);
    // Whole people, not `fields: ['id']`: partial entities would stay in the identity map
    // and the facilitators returned by this mutation would come back without names.
    const facilitators = await this.em.find(Person, { id: { $in: facilitatorIds } });
    const missing = facilitatorIds.find((id) => !facilitators.some((p) => p.id === id));
    if (missing) throw DomainError.invalid('facilitatorIds', `no person with id "${missing}"`);
    const group = this.em.create(WorkingGroup, { ...fields, edition });
    translate(group, translations);
    for (const person of new Set(facilitatorIds))
      this.em.create(WorkingGroupFacilitator, { workingGroup: group, person });
    await this.em.flush();
    return group;
  }

  async update(
    actor: Actor,
    groupId: string,
    input: UpdateWorkingGroupInput,
  ): Promise<WorkingGroup> {
    const { translations, ...changes } = input;
    const group = await this.groupToManage(actor, groupId);
    if (changes.name && changes.name !== group.name)
      await this.assertNameFree(group.edition.id, changes.name);
    this.em.assign(group, changes);
    translate(group, translations);
    await this.em.flush();
    return group;
  }

  async addFacilitator(actor: Actor, groupId: string, personId: string): Promise<WorkingGroup> {
    const group = await this.groupToManage(actor, groupId);
    if (!(await this.em.count(Person, { id: personId }))) {
      throw DomainError.invalid('personId', `no person with id "${personId}"`);
    }
    if (
      !(await this.em.count(WorkingGroupFacilitator, { workingGroup: group, person: personId }))
    ) {
      this.em.create(WorkingGroupFacilitator, { workingGroup: group, person: personId });
      await this.em.flush();
    }
    return group;
  }

  async removeFacilitator(actor: Actor, groupId: string, personId: string): Promise<WorkingGroup> {
    const group = await this.groupToManage(actor, groupId);
    await this.em.nativeDelete(WorkingGroupFacilitator, { workingGroup: group, person: personId });
    return group;
  }

  /** Adds a registered participant; the group row is locked so capacity holds under concurrency. */
  async addMember(actor: Actor, groupId: string, registrationId: string): Promise<WorkingGroup> {
    const group = await this.groupToManage(actor, groupId);
    try {
      await this.em.transactional(async (em) => {
        const locked = await em.findOneOrFail(WorkingGroup, group.id, lockFor(em));
        const registration = await em.findOne(Registration, registrationId);
        if (!registration || registration.edition.id !== locked.edition.id) {
          throw DomainError.invalid('registrationId', 'not a registration of this edition');
        }
        if (!SEATED_STATUSES.includes(registration.status)) {
          throw DomainError.invalid(
            'registrationId',
            `a ${registration.status.toLowerCase()} participant cannot join a working group`,
          );
        }
        if (await em.count(WorkingGroupMember, { workingGroup: locked, registration })) {
          throw DomainError.conflict(
            ConferenceErrorCode.ALREADY_MEMBER,
            'This participant is already a member.',
          );
        }
        if (
          locked.capacity != null &&
          (await em.count(WorkingGroupMember, { workingGroup: locked })) >= locked.capacity
        ) {
          throw DomainError.conflict(
            ConferenceErrorCode.WORKING_GROUP_FULL,
            `${locked.name} is full (${locked.capacity} members).`,
          );
        }
        em.create(WorkingGroupMember, { workingGroup: locked, registration });
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.conflict(
          ConferenceErrorCode.ALREADY_MEMBER,
          'This participant is already a member.',
        );
      }
      throw error;
    }
    return group;
  }

  async removeMember(actor: Actor, groupId: string, registrationId: string): Promise<WorkingGroup> {
    const group = await this.groupToManage(actor, groupId);
    await this.em.nativeDelete(WorkingGroupMember, {
      workingGroup: group,
      registration: registrationId,
    });
    return group;
  }

  private async groupToManage(actor: Actor, groupId: string): Promise<WorkingGroup> {
    const group = await this.em.findOne(WorkingGroup, groupId);
    if (!group) throw DomainError.notFound('Working group', groupId);
    await this.access.manageable(actor, group.edition.id);
    return group;
  }

  private async assertNameFree(editionId: string, name: string): Promise<void> {
    if (await this.em.count(WorkingGroup, { edition: editionId, name })) {
      throw DomainError.invalid(
        'name',
        `this edition already has a working group called "${name}"`,
        CommonErrorCode.DUPLICATE,
      );
    }
  }
}
