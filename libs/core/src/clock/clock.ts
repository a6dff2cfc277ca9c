import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** `extensions.reason` when a day that has not come yet is given (attendance, check-in). */
export const DAY_NOT_YET = 'DAY_NOT_YET';

/**
 * The time as the rules see it: one instance for the whole app (ConfigModule provides
 * it), so a test can set "today" by replacing `now`. Calendar dates are UTC, like the
 * `issuedOn` of certificates; in Central Asia (UTC+5/+6) that is the local date from
 * 5 or 6 in the morning on.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date, YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** BAD_USER_INPUT (reason DAY_NOT_YET) for a day after today: nobody attends in advance. */
  assertDayHasCome(day: string, field = 'day'): void {
    const today = this.today();
    if (day > today) {
      throw DomainError.invalid(field, `${day} has not come yet (today is ${today})`, DAY_NOT_YET);
    }
  }
}
