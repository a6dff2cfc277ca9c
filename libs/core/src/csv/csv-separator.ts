import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Language } from '../language/language-enum';
import { DomainError } from '../errors/domain-error';
import { CsvSeparatorChar } from './csv';

/** The separator a CSV download is asked for with: GraphQL names, the character as value. */
export enum CsvSeparator {
  COMMA = ',',
  SEMICOLON = ';',
}
registerEnumType(CsvSeparator, {
  name: 'CsvSeparator',
  description:
    'What separates the fields of a CSV line: COMMA, or SEMICOLON as Excel expects in Russian and Uzbek locales.',
});

const SEPARATORS = new Map<string, CsvSeparatorChar>([
  ['comma', ','],
  [',', ','],
  ['semicolon', ';'],
  [';', ';'],
]);

/**
 * The separator asked for in a request (`?separator=semicolon`, or `;`): none gives a
 * comma; anything else is the client's mistake, refused naming the field.
 */
export function requestedSeparator(
  value: string | string[] | undefined,
  field = 'separator',
): CsvSeparatorChar {
  if (value === undefined) return ',';
  const separator = typeof value === 'string' ? SEPARATORS.get(value.toLowerCase()) : undefined;
  if (!separator) throw DomainError.invalid(field, 'must be comma or semicolon');
  return separator;
}

/** What a CSV field of the API takes: `rosterCsv(language: RU, separator: SEMICOLON)`. */
@ArgsType()
export class CsvArgs {
  @Field(() => Language, {
    nullable: true,
    description:
      "Headers and words in this language; else the reader's (Accept-Language or @inContext).",
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;

  @Field(() => CsvSeparator, { nullable: true, defaultValue: CsvSeparator.COMMA })
  @IsOptional()
  @IsEnum(CsvSeparator)
  separator?: CsvSeparator | null;
}
