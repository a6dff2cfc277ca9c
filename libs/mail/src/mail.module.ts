import { Global, Module } from '@nestjs/common';
import { AttachmentSources } from './outbox/attachment-sources';
import { MailWorker } from './outbox/mail-worker';
import { Outbox } from './outbox/outbox';
import { MailWordings } from './outbox/wordings';

/** The outbox and its worker; global so every domain can queue mail in its transactions. */
@Global()
@Module({
  providers: [Outbox, MailWorker, AttachmentSources, MailWordings],
  exports: [Outbox, MailWorker, AttachmentSources, MailWordings],
})
export class MailModule {}
