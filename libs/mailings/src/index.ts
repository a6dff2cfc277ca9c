export * from './mail-catalog';
export * from './mailings.module';
export * from './mailings.service';
export * from './outbox-admin.service';
export * from './reminders';
export * from './template-override.entity';

import { TemplateOverride } from './template-override.entity';

export const mailingEntities = [TemplateOverride];
