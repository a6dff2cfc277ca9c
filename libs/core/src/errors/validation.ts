import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

function firstProblem(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The global pipe: every @InputType is validated with class-validator, unknown
 * fields are refused, and the first problem becomes BAD_USER_INPUT naming its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors) ?? { field: 'input', message: 'is invalid' };
      return DomainError.invalid(problem.field, `${problem.field}: ${problem.message}`);
    },
  });
}
