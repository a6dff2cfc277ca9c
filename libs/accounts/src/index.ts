export * from './accounts.module';
export * from './auth-session.entity';
export * from './auth.service';
export * from './password-hasher';
export * from './user.entity';

import { AuthSession } from './auth-session.entity';
import { User } from './user.entity';

export const accountEntities = [User, AuthSession];
