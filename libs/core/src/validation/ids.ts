import { Param, PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { DomainError } from '../errors/domain-error';

// Every id is a UUID (PostgreSQL's uuid type refuses anything else, in any letter case).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// SQLite compares text exactly, so ids are compared in the lower case they are stored in.
const lowerCase = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(lowerCase) : isId(value) ? value.toLowerCase() : value;

/** An id (or, with `each`, a list of ids) inside an input. */
export function IsId(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }) => lowerCase(value))(target, propertyName);
    registerDecorator({
      name: 'isId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: options?.each ? 'must contain only ids' : 'is not an id', ...options },
      validator: { validate: isId },
    });
  };
}

class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (!isId(value)) throw DomainError.invalid(this.name, `is not an id`);
    return value.toLowerCase();
  }
}

/**
 * An ID argument of a query or mutation, checked before the resolver runs:
 * `@IdArg('editionId') editionId: string`. Anything but a UUID is BAD_USER_INPUT naming
 * the argument, never a database error.
 */
export function IdArg(name: string): ParameterDecorator {
  return Args(name, { type: () => ID }, new IdPipe(name));
}

/** The same check for a path parameter of an HTTP route: `@IdParam('id') id: string`. */
export function IdParam(name: string): ParameterDecorator {
  return Param(name, new IdPipe(name));
}
