import { DomainError } from '../errors/domain-error';
import { languageOr, requestedLanguage } from './language';

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
