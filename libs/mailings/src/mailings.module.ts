import { Module } from '@nestjs/common';
import { ConferencesModule } from '@platform/conferences';
import { TrainingsModule } from '@platform/trainings';
import { Mailings } from './mailings.service';
import { MailingsResolver } from './mailings.resolver';
import { OutboxAdmin } from './outbox-admin.service';

/** Mail to audiences, the outbox view and per-edition wording, for organizers. */
@Module({
  imports: [ConferencesModule, TrainingsModule],
  providers: [Mailings, OutboxAdmin, MailingsResolver],
})
export class MailingsModule {}
