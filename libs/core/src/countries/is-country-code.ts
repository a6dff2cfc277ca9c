import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCountryCode } from './country';

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
