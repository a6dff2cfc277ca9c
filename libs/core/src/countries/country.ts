import { registerDecorator, ValidationOptions } from 'class-validator';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * ISO 3166-1 alpha-2 codes, checked against the ICU data that ships with Node. ICU
 * names a few codes that are not countries (ZZ "Unknown Region", EU, UN…): refused.
 */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);
export function isCountryCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Z]{2}$/.test(value) &&
    !NOT_COUNTRIES.has(value) &&
    regionNames.of(value) !== value
  );
}

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: 'must be an ISO 3166 two-letter country code such as UZ or KZ',
        ...options,
      },
      validator: { validate: isCountryCode },
    });
}
