import { registerDecorator, ValidationOptions } from 'class-validator';

// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What no text may contain: NUL (PostgreSQL refuses it and SQLite cuts the statement
 * there) and a UTF-16 surrogate without its pair (not a character at all; it breaks
 * URL encoding and turns into U+FFFD on the way to the database).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text))
    return 'must not contain an unpaired surrogate (not valid Unicode)';
  return undefined;
}

/**
 * The first string anywhere in `value` (nested objects and lists) with a textProblem,
 * with its path below `path`: "marks.1.remark".
 */
export function findBadText(
  value: unknown,
  path: string,
): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { field: path || 'input', message } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const found = findBadText(item, path ? `${path}.${key}` : String(key));
    if (found) return found;
  }
  return undefined;
}

// A letter, digit, punctuation mark or symbol that is not one of the characters
// Unicode says to draw as nothing (zero-width spaces and joiners, bidi controls,
// Hangul fillers…). Spaces, controls and lone combining marks do not count either.
const VISIBLE = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{P}\p{S}]/u;

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** For names, titles and other required texts: not only spaces or invisible characters. */
export function HasVisibleText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasVisibleText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must contain a visible character', ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || hasVisibleCharacter(value),
      },
    });
}
