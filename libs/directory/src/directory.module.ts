import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { OrganizationsResolver, PeopleResolver } from './directory.resolver';
import { PersonAccountsPort } from './people/person-accounts.port';

@Module({
  providers: [DirectoryService, OrganizationsResolver, PeopleResolver, PersonAccountsPort],
  exports: [DirectoryService, PersonAccountsPort],
})
export class DirectoryModule {}
