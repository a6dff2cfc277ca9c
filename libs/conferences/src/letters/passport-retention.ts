import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig, Clock } from '@platform/core';
import { Edition } from '../editions/edition.entity';
import { InvitationLetter } from './invitation-letter.entity';
import { PassportCipher } from './passport-cipher';

const EVERY_HOUR = 3_600_000;

/**
 * Erases passport data PASSPORT_RETENTION_DAYS after an edition's last day: the ciphertext
 * is nulled and erasedAt set, while the letter's number and verification code stay. Runs
 * in the API process at start and every hour; one UPDATE that only touches rows still
 * holding data, so several processes running it at once do no harm.
 */
@Injectable()
export class PassportRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('InvitationLetters');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly cipher: PassportCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cipher.load();
    const run = () => {
      this.running = this.run().catch((error: unknown) =>
        this.logger.error(`Erasing passport data: ${(error as Error).message}`),
      );
    };
    run();
    this.timer = setInterval(run, EVERY_HOUR);
    // The hourly run never keeps a process alive on its own.
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Erases what is due today; returns how many letters lost their passport data. */
  async run(): Promise<number> {
    const em = this.orm.em.fork();
    // An edition whose last day is before this date is past its retention period.
    const cutoff = daysBefore(this.clock.today(), this.config.passportData.retentionDays);
    const editions = await em.find(
      Edition,
      { endDate: { $lt: cutoff } },
      { fields: ['id'], disableIdentityMap: true },
    );
    if (!editions.length) return 0;
    const erased = await em.nativeUpdate(
      InvitationLetter,
      { passportData: { $ne: null }, edition: { $in: editions.map((edition) => edition.id) } },
      { passportData: null, erasedAt: this.clock.now() },
    );
    if (erased > 0) this.logger.log(`Erased the passport data of ${erased} invitation letter(s).`);
    return erased;
  }
}

/** The calendar date `days` before `date` (both YYYY-MM-DD). */
function daysBefore(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}
