import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { OrganizationsResolver, PeopleResolver } from './directory.resolver';
import { PeopleAccess } from './people-access';
import { EventPeoplePort } from './people/event-people.port';
import { PersonAccountsPort } from './people/person-accounts.port';
import { SearchKeyBackfill } from './people/search-key-backfill';

@Module({
  providers: [
    DirectoryService,
    PeopleAccess,
    OrganizationsResolver,
    PeopleResolver,
    PersonAccountsPort,
    EventPeoplePort,
    SearchKeyBackfill,
  ],
  exports: [DirectoryService, PersonAccountsPort, EventPeoplePort],
})
export class DirectoryModule {}
