import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig } from '@platform/core';
import { EvaluationsService } from './evaluations.service';

/**
 * Every EVALUATION_JOB_MINUTES (and at start) sends the FOLLOW_UP forms that are due and
 * the one reminder of those who have not answered. Safe with several API processes:
 * each form and each reminder is claimed by one UPDATE before its mail is queued.
 */
@Injectable()
export class EvaluationJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Evaluations');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly evaluations: EvaluationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass: due follow-ups first (their reminders come days later), then reminders. */
  run(now?: Date): Promise<{ followUps: number; reminders: number }> {
    return RequestContext.create(this.orm.em, async () => ({
      followUps: await this.evaluations.sendDueFollowUps(now),
      reminders: await this.evaluations.sendReminders(now),
    }));
  }

  onApplicationBootstrap(): void {
    const minutes = this.config.evaluations.jobMinutes;
    if (minutes === 0) return;
    const tick = () => {
      this.running = this.run().catch((error: unknown) =>
        this.logger.error(`Evaluation job: ${(error as Error).message}`),
      );
    };
    tick();
    this.timer = setInterval(tick, minutes * 60_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
