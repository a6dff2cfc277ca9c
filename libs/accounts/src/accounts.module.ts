import { MiddlewareConsumer, Module, NestModule, OnModuleInit } from '@nestjs/common';
import { DirectoryModule, PersonAccountsPort } from '@platform/directory';
import { AccountsCleanup } from './accounts-cleanup.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthenticationMiddleware } from './authentication.middleware';
import { EmailChangesService } from './email-changes.service';
import { LoginLinksService } from './login-links.service';
import { PasswordsService } from './passwords.service';
import { PersonAccountsAdapter } from './person-accounts.adapter';
import { UsersResolver } from './users.resolver';

@Module({
  imports: [DirectoryModule],
  providers: [
    AuthService,
    PasswordsService,
    LoginLinksService,
    EmailChangesService,
    PersonAccountsAdapter,
    AccountsCleanup,
    AuthResolver,
    UsersResolver,
    AuthenticationMiddleware,
  ],
  exports: [AuthService, LoginLinksService],
})
export class AccountsModule implements NestModule, OnModuleInit {
  constructor(
    private readonly port: PersonAccountsPort,
    private readonly personAccounts: PersonAccountsAdapter,
  ) {}

  /** The directory asks through its port whether people have accounts, and tells of email changes. */
  onModuleInit(): void {
    this.port.register(this.personAccounts);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*');
  }
}
