import { Global, Module } from '@nestjs/common';
import { AttachmentSources } from './outbox/attachment-sources';
import { MailWorker } from './outbox/mail-worker';
import { Outbox } from './outbox/outbox';

/** The outbox and its worker; global so every domain can queue mail in its transactions. */
@Global()
@Module({
  providers: [Outbox, MailWorker, AttachmentSources],
  exports: [Outbox, MailWorker, AttachmentSources],
})
export class MailModule {}
