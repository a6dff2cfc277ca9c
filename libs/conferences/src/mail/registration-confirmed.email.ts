import { DATES, PLACE, RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE, EditionValues } from './edition-mail';

/** Confirms a registration that holds a seat. */
export const REGISTRATION_CONFIRMED_MESSAGE = defineMessage<Omit<EditionValues, 'theme'>>({
  name: 'REGISTRATION_CONFIRMED',
  description: 'Confirms a registration that holds a seat.',
  placeholders: { ...RECIPIENT_NAME, ...EDITION_TITLE, ...DATES, ...PLACE },
  texts: {
    en: {
      subject: 'Registration confirmed: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Your registration for the conference “{{editionTitle}}” is confirmed.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'Please bring an identity document for check-in at the venue. If your plans change, please let us know so that we can offer your seat to another participant.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Регистрация подтверждена: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Ваша регистрация на конференцию «{{editionTitle}}» подтверждена.',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Для регистрации на месте, пожалуйста, возьмите с собой документ, удостоверяющий личность. Если ваши планы изменятся, сообщите нам об этом, чтобы мы могли предложить ваше место другому участнику.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Roʻyxatdan oʻtganingiz tasdiqlandi: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasiga roʻyxatdan oʻtganingiz tasdiqlandi.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Tadbir joyida roʻyxatdan oʻtish uchun shaxsni tasdiqlovchi hujjatingizni olib kelishingizni soʻraymiz. Rejalaringiz oʻzgarsa, iltimos, bizga xabar bering, shunda oʻrningizni boshqa ishtirokchiga taklif qila olamiz.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
