import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { Actor, DomainError, Role, translate, TranslationChange } from '@platform/core';
import { Organization } from '@platform/directory';
import { TrainingAccess } from '../training-access';
import { CreateProgrammeInput } from './dto/programme.input';
import {
  ProgrammeFunder,
  ProgrammeOrganizer,
  TrainingProgramme,
} from './training-programme.entity';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
  ) {}

  /** Admins see every programme; organizers theirs; trainers those of the events they train. */
  async list(actor: Actor): Promise<TrainingProgramme[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isStaff) throw DomainError.forbidden('Only staff see training programmes.');
    const where = actor.isAdmin
      ? {}
      : { id: { $in: [...(await this.access.visibleProgrammeIds(actor))] } };
    return this.em.find(TrainingProgramme, where, { orderBy: { title: 'asc' } });
  }

  /** Organizers who create a programme become its organizers. */
  async create(actor: Actor, input: CreateProgrammeInput): Promise<TrainingProgramme> {
    actor.require(Role.ADMIN, Role.ORGANIZER);
    const { ownerId, funderIds = [], translations, ...fields } = input;
    const ids = [ownerId, ...funderIds];
    const found = await this.em.find(Organization, { id: { $in: ids } });
    const missing = ids.find((id) => !found.some((o) => o.id === id));
    if (missing) {
      const field = missing === ownerId ? 'ownerId' : 'funderIds';
      throw DomainError.invalid(field, `no organization with id "${missing}"`);
    }
    const programme = this.em.create(TrainingProgramme, { ...fields, owner: ownerId });
    translate(programme, translations);
    for (const funder of new Set(funderIds))
      this.em.create(ProgrammeFunder, { programme, organization: funder });
    if (actor.is(Role.ORGANIZER))
      this.em.create(ProgrammeOrganizer, { programme, user: actor.requireUserId() });
    await this.em.flush();
    this.access.forget(actor);
    return programme;
  }

  /** Its organizers add, change or remove the Russian and Uzbek versions of its texts. */
  async translate(
    actor: Actor,
    programmeId: string,
    translations: TranslationChange[],
  ): Promise<TrainingProgramme> {
    const programme = await this.access.programme(actor, programmeId);
    translate(programme, translations);
    await this.em.flush();
    return programme;
  }

  async assignOrganizer(
    actor: Actor,
    programmeId: string,
    userId: string,
  ): Promise<TrainingProgramme> {
    const programme = await this.access.programme(actor, programmeId);
    const user = await this.em.findOne(User, userId);
    if (!user || user.role !== Role.ORGANIZER) {
      throw DomainError.invalid('userId', `no organizer account with id "${userId}"`);
    }
    if (!(await this.em.count(ProgrammeOrganizer, { programme, user }))) {
      this.em.create(ProgrammeOrganizer, { programme, user });
      await this.em.flush();
    }
    return programme;
  }

  async funders(programme: TrainingProgramme): Promise<Organization[]> {
    const rows = await this.em.find(ProgrammeFunder, { programme }, { populate: ['organization'] });
    return rows.map((row) => row.organization.getEntity());
  }
}
