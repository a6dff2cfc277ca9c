import { DomainError } from '../errors/domain-error';
import { languageFromAcceptLanguage, languageOr, requestedLanguage } from './language';

describe('the one language set', () => {
  it('reads a missing or unknown stored language as English', () => {
    expect(languageOr('ru')).toBe('ru');
    expect(languageOr(null)).toBe('en');
    expect(languageOr('de')).toBe('en');
  });

  it('refuses an unknown language asked for, naming the field', () => {
    expect(requestedLanguage(undefined)).toBe('en');
    expect(requestedLanguage('uz')).toBe('uz');
    expect(() => requestedLanguage('de', 'language')).toThrow(DomainError);
    try {
      requestedLanguage('de', 'language');
    } catch (error) {
      expect(error).toMatchObject({
        field: 'language',
        message: 'language: must be one of en, ru, uz',
      });
    }
  });

  it('gives the fallback when no language is asked for', () => {
    expect(requestedLanguage(undefined, 'lang', 'ru')).toBe('ru');
    expect(requestedLanguage('uz', 'lang', 'ru')).toBe('uz');
  });
});

describe('the language of an Accept-Language header', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ru', 'ru'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['uz-Latn-UZ', 'uz'],
    ['uz-Cyrl-UZ,ru;q=0.5', 'uz'],
    ['UZ_uz', 'uz'],
    // The best of ours by q-value, whatever the order; equal ones in the header's order.
    ['en;q=0.3, ru;q=0.8', 'ru'],
    ['de-DE, kk;q=0.9, ru;q=0.8, uz;q=0.8', 'ru'],
    ['kk-KZ, ky', 'en'],
    // q=0 means "not this one"; a q-value that is no number counts as 0.
    ['ru;q=0, uz;q=0.1', 'uz'],
    ['ru;q=abc, uz;q=0.1', 'uz'],
    // `*` is any language: the first of ours the header does not name.
    ['*', 'en'],
    ['en;q=0, *;q=0.5', 'ru'],
    ['de, *;q=0.1', 'en'],
    ['ru ; q = 0.5 , en ; q = 0.4', 'ru'],
    [['de', 'uz;q=0.5'], 'uz'],
  ])('reads %j as %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});

describe('the reader language from Accept-Language', () => {
  it('takes the supported language with the highest weight', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('en');
    expect(languageFromAcceptLanguage('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
    expect(languageFromAcceptLanguage('de-DE,uz-Latn-UZ;q=0.7,ru;q=0.5')).toBe('uz');
    expect(languageFromAcceptLanguage('en;q=0.2, ru;q=0.6')).toBe('ru');
    expect(languageFromAcceptLanguage('fr, *;q=0.1')).toBe('en');
    expect(languageFromAcceptLanguage('ru;q=0')).toBe('en');
  });
});
