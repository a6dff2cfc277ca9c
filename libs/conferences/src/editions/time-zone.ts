import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * The IANA time zone of the countries the series rotate through and their neighbours,
 * where the whole country keeps one zone. Elsewhere (or several zones) an edition's zone
 * defaults to UTC and the organizer sets it.
 */
const COUNTRY_ZONES: Record<string, string> = {
  UZ: 'Asia/Tashkent',
  KZ: 'Asia/Almaty',
  KG: 'Asia/Bishkek',
  TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat',
  AF: 'Asia/Kabul',
  AZ: 'Asia/Baku',
  GE: 'Asia/Tbilisi',
  AM: 'Asia/Yerevan',
  TR: 'Europe/Istanbul',
  PK: 'Asia/Karachi',
  IN: 'Asia/Kolkata',
  CN: 'Asia/Shanghai',
  IR: 'Asia/Tehran',
  AE: 'Asia/Dubai',
  BY: 'Europe/Minsk',
  UA: 'Europe/Kiev',
  MD: 'Europe/Chisinau',
  AT: 'Europe/Vienna',
  DE: 'Europe/Berlin',
  CH: 'Europe/Zurich',
  GB: 'Europe/London',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
};

/** The calendar date of `at` in `timeZone`, YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function defaultTimeZone(country: string): string {
  return COUNTRY_ZONES[country] ?? 'UTC';
}

/**
 * An IANA zone name (Region/City, or UTC) that the runtime knows and whose rules the
 * calendar file can carry (VTIMEZONE). Offsets such as "+05:00" and abbreviations such
 * as "EST" are refused: a calendar needs the zone's rules.
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  if (value !== 'UTC' && !/^[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  return vtimezoneOf(value) !== null;
}

/** The zone's VTIMEZONE component (from the tzurl data of @touch4it/ical-timezones). */
export function vtimezoneOf(zone: string): string | null {
  try {
    return getVtimezoneComponent(zone === 'UTC' ? 'Etc/UTC' : zone);
  } catch {
    return null;
  }
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: 'must be an IANA time zone such as Asia/Tashkent or Europe/Vienna',
        ...options,
      },
      validator: { validate: isTimeZone },
    });
}
