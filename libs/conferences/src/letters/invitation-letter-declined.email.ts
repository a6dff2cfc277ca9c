import { DATES, defineMessage, paragraphs, RECIPIENT_NAME } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from '../mail/edition-mail';
import { PERSON_NAME } from './invitation-letter-mail';

/** Tells whoever asked for a letter, and the participant, that it was declined and why. */
export const INVITATION_LETTER_DECLINED_MESSAGE = defineMessage<{
  personName: string;
  editionTitle: string;
  dates: string;
  reason: string;
}>({
  name: 'INVITATION_LETTER_DECLINED',
  description: 'Tells that a visa invitation letter was declined, and why.',
  placeholders: {
    ...RECIPIENT_NAME,
    ...PERSON_NAME,
    ...EDITION_TITLE,
    ...DATES,
    reason: 'Why the organizers declined it, as they wrote it.',
  },
  texts: {
    en: {
      subject: 'Invitation letter declined: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The request for a visa invitation letter for {{personName}} to attend “{{editionTitle}}” ({{dates}}) has been declined.',
        'Reason: {{reason}}',
        'You may correct the request and send it again.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Письмо-приглашение не оформлено: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Запрос визового письма-приглашения для участника {{personName}} на конференцию «{{editionTitle}}» ({{dates}}) отклонён.',
        'Причина: {{reason}}',
        'Вы можете исправить запрос и отправить его снова.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Taklifnoma xati rad etildi: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '{{personName}} uchun «{{editionTitle}}» konferensiyasiga ({{dates}}) viza taklifnoma xati soʻrovi rad etildi.',
        'Sabab: {{reason}}',
        'Soʻrovni tuzatib, qayta yuborishingiz mumkin.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
