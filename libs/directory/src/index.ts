export * from './plain';
export * from './directory.module';
export * from './directory.service';
export * from './directory-reads';
export * from './organizations/dto/organization.input';
export * from './organizations/organization.entity';
export * from './people/dto/person.input';
export * from './people/person.entity';
export * from './people/search-key-backfill';
export * from './people/sex-labels';
export * from './organizations/organization-type-labels';
export * from './people/person-rows';
export * from './people/person-accounts.port';
export * from './people/event-people.port';

import { Organization } from './organizations/organization.entity';
import { Person } from './people/person.entity';

export const directoryEntities = [Organization, Person];
