import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { OrganizationsResolver, PeopleResolver } from './directory.resolver';

@Module({
  providers: [DirectoryService, OrganizationsResolver, PeopleResolver],
  exports: [DirectoryService],
})
export class DirectoryModule {}
