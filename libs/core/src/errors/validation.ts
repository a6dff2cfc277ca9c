import { ArgumentMetadata, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { findBadText } from '../validation/text-checks';
import { DomainError } from './domain-error';

function firstProblem(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    // "must not be null" says more than the type checks that fail on the same null.
    const [first] = messages;
    if (first !== undefined)
      return { field, message: error.value === null ? 'must not be null' : first };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The global pipe, the one validation layer at the edge. Every argument of every query
 * and mutation, and every body, query string and path parameter of the HTTP routes:
 * - no string anywhere in it may hold NUL or an unpaired surrogate;
 * - every @InputType and @ArgsType is validated with class-validator, unknown fields
 *   are refused.
 * The first problem becomes BAD_USER_INPUT naming its field ("marks.1.remark"); the
 * field of an input object is named without the argument ("title", not "input.title"),
 * a plain argument by its name ("csv").
 */
class EdgeValidationPipe implements PipeTransform {
  private readonly classes = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors) ?? { field: 'input', message: 'is invalid' };
      return DomainError.invalid(problem.field, problem.message);
    },
  });

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // 'custom' parameters are ours (the actor, the parent object), not the client's; given
    // back at once, without a promise, they delay no field resolver (DataLoader batches
    // what is asked in the same tick).
    if (metadata.type === 'custom') return value;
    const named = value !== null && typeof value === 'object' ? '' : (metadata.data ?? '');
    const bad = findBadText(value, named);
    if (bad) throw DomainError.invalid(bad.field, bad.message);
    return this.classes.transform(value, metadata);
  }
}

export function createValidationPipe(): PipeTransform {
  return new EdgeValidationPipe();
}
