import { DATES, PLACE, RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE, EditionValues } from './edition-mail';

/** Tells a waitlisted registrant that a seat is theirs. */
export const PROMOTED_FROM_WAITLIST_MESSAGE = defineMessage<Omit<EditionValues, 'theme'>>({
  name: 'PROMOTED_FROM_WAITLIST',
  description: 'Tells a waitlisted registrant that a seat is theirs.',
  placeholders: { ...RECIPIENT_NAME, ...EDITION_TITLE, ...DATES, ...PLACE },
  texts: {
    en: {
      subject: 'A seat is available: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'We are glad to tell you that a seat has become available at the conference “{{editionTitle}}” and your registration is now confirmed.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'If you can no longer attend, please let us know as soon as possible so that we can offer the seat to the next person on the waiting list.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Освободилось место: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Рады сообщить, что на конференции «{{editionTitle}}» освободилось место, и ваша регистрация подтверждена.',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Если вы больше не можете принять участие, просим как можно скорее сообщить нам, чтобы мы могли предложить место следующему участнику из листа ожидания.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Oʻrin boʻshadi: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Mamnuniyat bilan maʼlum qilamizki, «{{editionTitle}}» konferensiyasida oʻrin boʻshadi va roʻyxatdan oʻtganingiz tasdiqlandi.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Agar ishtirok eta olmasangiz, iltimos, bu haqda imkon qadar tezroq xabar bering, shunda oʻrinni kutish roʻyxatidagi navbatdagi ishtirokchiga taklif qila olamiz.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
