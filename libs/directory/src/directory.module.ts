import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { OrganizationsResolver, PeopleResolver } from './directory.resolver';
import { PeopleAccess } from './people-access';
import { EventPeoplePort } from './people/event-people.port';
import { PersonAccountsPort } from './people/person-accounts.port';

@Module({
  providers: [
    DirectoryService,
    PeopleAccess,
    OrganizationsResolver,
    PeopleResolver,
    PersonAccountsPort,
    EventPeoplePort,
  ],
  exports: [DirectoryService, PersonAccountsPort, EventPeoplePort],
})
export class DirectoryModule {}
