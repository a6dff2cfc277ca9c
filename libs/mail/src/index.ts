export * from './mail.module';
export * from './messages/mail-message';
export * from './messages/render-message';
export * from './outbox/attachment-sources';
export * from './outbox/mail-worker';
export * from './outbox/outbox';
export * from './outbox/outbox-message.entity';
export * from './outbox/wordings';
export * from './transport/mail-transport';

import { OutboxMessage } from './outbox/outbox-message.entity';

export const mailEntities = [OutboxMessage];
