import {
  CsvSeparatorChar,
  DomainError,
  isCountryCode,
  isId,
  isLocalDate,
  LanguageCode,
  languageFromAcceptLanguage,
  requestedLanguage,
  requestedSeparator,
} from '@platform/core';
import { DIMENSIONS, IndicatorDimension } from './indicators/indicators.types';

type RawQuery = Record<string, string | string[] | undefined>;

const isDimension = (name: string): name is IndicatorDimension =>
  (DIMENSIONS as string[]).includes(name);

/**
 * The query string of the trainings' CSV downloads (indicators, knowledge, donor report),
 * read one way: each name at most once, ids, dates, a country and a region checked,
 * ?lang=en|ru|uz (else the Accept-Language header's), ?separator=comma|semicolon.
 * A bad value is refused as BAD_USER_INPUT naming the parameter.
 */
export class CsvQuery {
  constructor(
    private readonly query: RawQuery,
    private readonly acceptLanguage: string | undefined,
  ) {}

  /** A name given twice arrives as a list: refused, like any value that is not one text. */
  single(name: string): string | undefined {
    const value = this.query[name];
    if (value !== undefined && typeof value !== 'string')
      throw DomainError.invalid(name, `give it once`);
    return value || undefined;
  }

  id(name: string): string | undefined {
    const value = this.single(name);
    if (value !== undefined && !isId(value)) throw DomainError.invalid(name, 'is not an id');
    return value?.toLowerCase();
  }

  date(name: string): string | undefined {
    const value = this.single(name);
    if (value !== undefined && !isLocalDate(value))
      throw DomainError.invalid(name, 'expected YYYY-MM-DD');
    return value;
  }

  country(name = 'country'): string | undefined {
    const value = this.single(name);
    if (value !== undefined && !isCountryCode(value))
      throw DomainError.invalid(name, 'not an ISO 3166 country code');
    return value;
  }

  region(name = 'region'): string | undefined {
    const value = this.single(name);
    if (value !== undefined && value.length > 100)
      throw DomainError.invalid(name, 'at most 100 characters');
    return value;
  }

  /** ?groupBy=CATEGORY,SEX: the dimensions, in order. */
  groupBy(name = 'groupBy'): IndicatorDimension[] {
    return (this.single(name) ?? '')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean)
      .map((dimension) => {
        if (!isDimension(dimension))
          throw DomainError.invalid(name, `unknown dimension ${dimension}`);
        return dimension;
      });
  }

  language(): LanguageCode {
    return requestedLanguage(
      this.single('lang'),
      'lang',
      languageFromAcceptLanguage(this.acceptLanguage),
    );
  }

  separator(): CsvSeparatorChar {
    return requestedSeparator(this.single('separator'));
  }
}
