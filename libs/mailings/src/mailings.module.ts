import { Module } from '@nestjs/common';
import { ConferencesModule } from '@platform/conferences';
import { DocumentsModule } from '@platform/documents';
import { TrainingsModule } from '@platform/trainings';
import { EditionWordings } from './edition-wordings.service';
import { Mailings } from './mailings.service';
import { MailingsResolver, OutboxMessageResolver } from './mailings.resolver';
import { OutboxAdmin } from './outbox-admin.service';
import { Reminders } from './reminders';

/** Mail to audiences, the outbox view and per-edition wording, for organizers. */
@Module({
  imports: [ConferencesModule, TrainingsModule, DocumentsModule],
  providers: [
    Mailings,
    OutboxAdmin,
    EditionWordings,
    MailingsResolver,
    OutboxMessageResolver,
    Reminders,
  ],
})
export class MailingsModule {}
