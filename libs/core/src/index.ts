export * from './config/app-config';
export * from './config/config.module';
export * from './countries/country';
export * from './dates/local-date';
export * from './database/orm-options';
export * from './database/project-root';
export * from './database/text-search';
export * from './errors/domain-error';
export * from './errors/domain-exception.filter';
export * from './errors/to-graphql-error';
export * from './errors/validation';
export * from './graphql/complexity.plugin';
export * from './graphql/depth-limit.rule';
export * from './graphql/graphiql.controller';
export * from './pagination/connection';
export * from './auth/actor';
export * from './auth/current-actor';
export * from './auth/role';
export * from './auth/refusal';
export * from './database/locking';
export * from './csv/csv';
export * from './http/rate-limiter';
export * from './http/rate-limit-counter.entity';
export * from './dates/date-text';
export * from './http/escape-html';

import { RateLimitCounter } from './http/rate-limit-counter.entity';

export const coreEntities = [RateLimitCounter];
