import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DirectoryModule } from '@platform/directory';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthenticationMiddleware } from './authentication.middleware';
import { LoginLinksController } from './login-links.controller';
import { LoginLinksService } from './login-links.service';
import { AccountsOfPeople } from './person-accounts';

@Module({
  imports: [DirectoryModule],
  controllers: [LoginLinksController],
  providers: [
    AuthService,
    LoginLinksService,
    AuthResolver,
    AuthenticationMiddleware,
    AccountsOfPeople,
  ],
  exports: [AuthService],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*');
  }
}
