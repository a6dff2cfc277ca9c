import { DATES, defineMessage, paragraphs, RECIPIENT_NAME } from '@platform/mail';
import { EDITION_TITLE } from '../mail/edition-mail';
import { PERSON_NAME } from './invitation-letter-mail';

/** Tells an edition's organizers that a visa invitation letter was requested. */
export const INVITATION_LETTER_REQUESTED_MESSAGE = defineMessage<{
  personName: string;
  editionTitle: string;
  dates: string;
}>({
  name: 'INVITATION_LETTER_REQUESTED',
  description: 'Tells the organizers that a visa invitation letter was requested.',
  placeholders: { ...RECIPIENT_NAME, ...PERSON_NAME, ...EDITION_TITLE, ...DATES },
  texts: {
    en: {
      subject: 'Invitation letter requested: {{personName}}',
      body: paragraphs(
        'Dear {{name}},',
        'A visa invitation letter has been requested for {{personName}} to attend “{{editionTitle}}” ({{dates}}).',
        'Please review the request in the “Letters” view of the edition and approve or decline it.',
      ),
    },
    ru: {
      subject: 'Запрос письма-приглашения: {{personName}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Поступил запрос визового письма-приглашения для участника {{personName}} на конференцию «{{editionTitle}}» ({{dates}}).',
        'Пожалуйста, рассмотрите запрос в разделе «Письма» конференции и одобрите или отклоните его.',
      ),
    },
    uz: {
      subject: 'Taklifnoma xati soʻraldi: {{personName}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '{{personName}} uchun «{{editionTitle}}» konferensiyasiga ({{dates}}) viza taklifnoma xati soʻraldi.',
        'Iltimos, soʻrovni konferensiyaning «Xatlar» boʻlimida koʻrib chiqing va tasdiqlang yoki rad eting.',
      ),
    },
  },
});
