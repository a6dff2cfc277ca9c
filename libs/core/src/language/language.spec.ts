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
