import { Module } from '@nestjs/common';
import { ConferencesModule } from '@platform/conferences';
import { TrainingsModule } from '@platform/trainings';
import { Mailings } from './mailings.service';
import { MailingsResolver } from './mailings.resolver';
import { OutboxAdmin } from './outbox-admin.service';
import { Reminders } from './reminders';

/** Mail to audiences, the outbox view and per-edition wording, for organizers. */
@Module({
  imports: [ConferencesModule, TrainingsModule],
  providers: [Mailings, OutboxAdmin, MailingsResolver, Reminders],
})
export class MailingsModule {}
