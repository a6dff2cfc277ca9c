import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  /** Manages the conference editions they are assigned to. */
  ORGANIZER = 'ORGANIZER',
  /** Runs training events. */
  TRAINER = 'TRAINER',
  /** Nominates and manages the people of the delegations they are focal point of. */
  FOCAL_POINT = 'FOCAL_POINT',
  /** Linked to a Person; sees their own registrations and documents. */
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(Role, { name: 'Role' });
