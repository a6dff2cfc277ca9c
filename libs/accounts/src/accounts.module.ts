import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { LoginLinksController } from './login-links.controller';
import { LoginLinksService } from './login-links.service';

@Module({
  controllers: [LoginLinksController],
  providers: [
    AuthService,
    LoginLinksService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AuthService],
})
export class AccountsModule {}
