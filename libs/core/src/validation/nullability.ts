import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, ValidateIf, ValidationOptions } from 'class-validator';

/*
 * Three kinds of optional input fields; an explicit null means something different in each:
 * - @IsOptional()       may be null or left out; null clears a nullable column
 *                       (theme, venue, capacity…);
 * - @Omittable()        may be left out, not null: it cannot be cleared (a title, a date,
 *                       a list: send [] to empty it). Null is refused: "must not be null";
 * - @NullMeansOmitted() null is the same as leaving it out: filters and paging
 *                       (`after: null` asks for the first page).
 * Update inputs are PartialType(Create…, { skipNullProperties: false }): the fields that
 * are required on create become omittable, those optional on create keep their kind.
 */

export function Omittable(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((_object, value) => value !== undefined)(target, propertyName);
    IsDefined({ message: 'must not be null', ...options })(target, propertyName);
  };
}

export function NullMeansOmitted(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) => value ?? undefined)(target, propertyName);
    IsOptional()(target, propertyName);
  };
}
