import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Actor, DomainError, PerRequest, refusal } from '@platform/core';
import { Organization } from './organizations/organization.entity';
import { EventPeoplePort } from './people/event-people.port';
import { PersonAccountsPort } from './people/person-accounts.port';
import { Person } from './people/person.entity';

/**
 * Who may see and change what in the directory of people and organizations.
 *
 * - Everyone who may see a person at all (staff; anonymous visitors and participants
 *   through an agenda, a working group or a trainer list) sees their name, the name in
 *   the other script (and both by script) and their organization. The rest (email, sex,
 *   category, position, country, language) is for admins, the person themself, and staff
 *   who run an event the person takes part in or who added the person.
 * - Staff edit only those people, and only they are offered the name in the other script
 *   to accept (suggestedAltName). An email is who may log in by link, so a staff member
 *   changes it only for a person who has no account and takes part in none of the
 *   events they do not run; otherwise the person changes it themself (and confirms it)
 *   or an admin does.
 * - Organizations are public names: staff read them all; admins and whoever added one
 *   edit it.
 */
@Injectable()
export class PeopleAccess {
  private readonly inScope = new PerRequest<DataLoader<string, boolean>>();

  constructor(
    private readonly em: EntityManager,
    private readonly events: EventPeoplePort,
    private readonly accounts: PersonAccountsPort,
  ) {}

  requireStaff(actor: Actor): void {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isStaff)
      throw DomainError.forbidden('Only organizers, trainers and admins can use the directory.');
  }

  /** Whether this actor sees more of the person than the public projection (batched per request). */
  async seesDetailsOf(actor: Actor, person: Person): Promise<boolean> {
    if (actor.isAdmin || (actor.personId !== null && actor.personId === person.id)) return true;
    if (!actor.isStaff) return false;
    if (person.createdBy !== undefined && person.createdBy === actor.userId) return true;
    const loader = await this.inScope.get(actor, async () => {
      return new DataLoader<string, boolean>(async (ids) => {
        const found = await this.events.inEventsOf(actor, [...ids]);
        return ids.map((id) => found.has(id));
      });
    });
    return loader.load(person.id);
  }

  /** The person, for reading by id: staff read anyone (projected), others only themself. */
  async readable(actor: Actor, id: string): Promise<Person> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const person =
      actor.isStaff || actor.personId === id ? await this.em.findOne(Person, id) : null;
    if (!person) throw DomainError.notFound('Person', id);
    return person;
  }

  /** Whether this actor may edit the person: staff who see their details. */
  async mayEdit(actor: Actor, person: Person): Promise<boolean> {
    return actor.isStaff && (await this.seesDetailsOf(actor, person));
  }

  /** The person, if this actor may edit them. */
  async editable(actor: Actor, id: string): Promise<Person> {
    this.requireStaff(actor);
    const person = await this.em.findOne(Person, id);
    if (!person || !(await this.mayEdit(actor, person))) {
      throw refusal(
        person !== null,
        'Person',
        id,
        'You can edit the people who take part in your events and the people you added.',
      );
    }
    return person;
  }

  /** Refuses an email change that could hand someone else's account or data to this actor. */
  async assertMayChangeEmail(actor: Actor, person: Person): Promise<void> {
    const withAccount = await this.accounts.accounts.withAccount(this.em, [person.id]);
    if (withAccount.has(person.id)) {
      if (actor.isAdmin) return;
      throw DomainError.forbidden(
        `${person.fullName} has an account: they change their email themselves (requestEmailChange), or an admin does.`,
        'EMAIL_CHANGE_NOT_ALLOWED',
      );
    }
    if (actor.isAdmin) return;
    if ((await this.events.inOtherEvents(actor, [person.id])).has(person.id)) {
      throw DomainError.forbidden(
        `${person.fullName} also takes part in events you do not run; ask an admin to change their email.`,
        'EMAIL_CHANGE_NOT_ALLOWED',
      );
    }
  }

  async organization(actor: Actor, id: string): Promise<Organization> {
    this.requireStaff(actor);
    const organization = await this.em.findOne(Organization, id);
    if (!organization) throw DomainError.notFound('Organization', id);
    return organization;
  }

  async editableOrganization(actor: Actor, id: string): Promise<Organization> {
    const organization = await this.organization(actor, id);
    if (!actor.isAdmin && organization.createdBy !== actor.userId) {
      throw refusal(
        true,
        'Organization',
        id,
        'Organizations are edited by admins and by the account that added them.',
      );
    }
    return organization;
  }
}
