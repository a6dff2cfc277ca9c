export * from './account-recipient';
export * from './accounts.module';
export * from './accounts-cleanup.service';
export * from './auth-session.entity';
export * from './auth.service';
export * from './email-change.entity';
export * from './email-change.email';
export * from './login-link.email';
export * from './password-hasher';
export * from './trusted-device.entity';
export * from './user.entity';
export * from './login-link.entity';
export * from './login-links.service';

import { AuthSession } from './auth-session.entity';
import { EmailChange } from './email-change.entity';
import { LoginLink } from './login-link.entity';
import { TrustedDevice } from './trusted-device.entity';
import { User } from './user.entity';

export const accountEntities = [User, AuthSession, LoginLink, EmailChange, TrustedDevice];
