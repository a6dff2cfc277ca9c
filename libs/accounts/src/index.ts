export * from './accounts.module';
export * from './auth-session.entity';
export * from './auth.service';
export * from './password-hasher';
export * from './user.entity';
export * from './login-link.entity';
export * from './login-links.service';

import { AuthSession } from './auth-session.entity';
import { LoginLink } from './login-link.entity';
import { User } from './user.entity';

export const accountEntities = [User, AuthSession, LoginLink];
