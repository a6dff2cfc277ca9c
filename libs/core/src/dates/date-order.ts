import { DomainError } from '../errors/domain-error';
import { datesBetween } from './local-date';

/**
 * The one date-order rule for a period typed as `startDate` and `endDate` (an edition, a
 * training event): it does not end before it starts, and lasts at most `maxDays` days
 * (`what` names it in the refusal: "an edition lasts at most 31 days"). Both refusals are
 * BAD_USER_INPUT on `endDate`. Returns the number of days, both ends included.
 */
export function periodDays(
  startDate: string,
  endDate: string,
  limit: { maxDays: number; what: string },
): number {
  if (endDate < startDate) throw DomainError.invalid('endDate', 'must not be before startDate');
  const dayCount = datesBetween(startDate, endDate).length;
  if (dayCount > limit.maxDays) {
    throw DomainError.invalid('endDate', `${limit.what} lasts at most ${limit.maxDays} days`);
  }
  return dayCount;
}
