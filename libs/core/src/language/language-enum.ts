import { registerEnumType } from '@nestjs/graphql';
import { LanguageCode } from './language';

/** The same three in GraphQL: a person's, an account's or a document's language. */
export enum Language {
  EN = 'en',
  RU = 'ru',
  UZ = 'uz',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'en, ru or uz (Uzbek, Latin script).',
});

const LANGUAGE_ENUM: Record<LanguageCode, Language> = {
  en: Language.EN,
  ru: Language.RU,
  uz: Language.UZ,
};

/** A language code as the GraphQL enum. */
export function languageEnum(code: LanguageCode): Language {
  return LANGUAGE_ENUM[code];
}
