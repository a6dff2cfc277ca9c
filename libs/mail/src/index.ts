export * from './mail.module';
export * from './outbox/attachment-sources';
export * from './outbox/mail-worker';
export * from './outbox/outbox';
export * from './outbox/outbox-message.entity';
export * from './outbox/template-override.entity';
export * from './templates/mail-template';
export * from './templates/render-template';
export * from './transport/mail-transport';

import { OutboxMessage } from './outbox/outbox-message.entity';
import { TemplateOverride } from './outbox/template-override.entity';

export const mailEntities = [OutboxMessage, TemplateOverride];
