import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/core';
import { Mailings } from './mailings.service';

const EVERY_HOUR = 3_600_000;

/** Looks every hour (and at start) for editions about to start, and queues their reminders. */
@Injectable()
export class Reminders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly mailings: Mailings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mail.reminderDays === 0) return;
    const run = () => {
      this.running = this.mailings
        .queueReminders(this.config.mail.reminderDays)
        .catch((error: unknown) => this.logger.error(`Reminders: ${(error as Error).message}`));
    };
    run();
    this.timer = setInterval(run, EVERY_HOUR);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
