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
import { DIMENSIONS, IndicatorDimension, IndicatorFilter } from './indicators.types';

const isDimension = (name: string): name is IndicatorDimension =>
  (DIMENSIONS as string[]).includes(name);

/**
 * The query string of the figures' CSV downloads (indicators, knowledge results, …):
 * each parameter checked and refused by its name, e.g.
 * ?groupBy=CATEGORY,SEX&programmeId=…&from=2023-01-01&lang=ru&separator=semicolon
 */
export class FiguresQuery {
  constructor(
    private readonly query: Record<string, string | string[] | undefined>,
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

  groupBy(): IndicatorDimension[] {
    return (this.single('groupBy') ?? '')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean)
      .map((dimension) => {
        if (!isDimension(dimension))
          throw DomainError.invalid('groupBy', `unknown dimension ${dimension}`);
        return dimension;
      });
  }

  /** programmeId, country, region, from and to. */
  filter(): IndicatorFilter {
    const country = this.single('country');
    if (country !== undefined && !isCountryCode(country))
      throw DomainError.invalid('country', 'not an ISO 3166 country code');
    const region = this.single('region');
    if (region !== undefined && region.length > 100)
      throw DomainError.invalid('region', 'at most 100 characters');
    return {
      programmeId: this.id('programmeId'),
      country,
      region,
      from: this.date('from'),
      to: this.date('to'),
    };
  }

  /** ?lang=en|ru|uz, else the Accept-Language header's. */
  language(): LanguageCode {
    return requestedLanguage(
      this.single('lang'),
      'lang',
      languageFromAcceptLanguage(this.acceptLanguage),
    );
  }

  /** ?separator=comma|semicolon */
  separator(): CsvSeparatorChar {
    return requestedSeparator(this.single('separator'));
  }
}
