import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Calendar dates travel and are stored as "YYYY-MM-DD" strings: an event day in
 * Tashkent is the same day for everyone, whatever the server's time zone.
 */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Every date from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const days: string[] = [];
  const cursor = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  while (cursor <= last) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a calendar date written YYYY-MM-DD', ...options },
      validator: { validate: isLocalDate },
    });
}

export function IsTimeOfDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeOfDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a time of day written HH:MM (24-hour)', ...options },
      validator: { validate: isTimeOfDay },
    });
}
