import { DATES, defineMessage, paragraphs, RECIPIENT_NAME } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from '../mail/edition-mail';

// What these mails say about a letter: whom it is for, the edition and its number. Never
// the passport data: only the letter attached on approval prints it.

const PERSON_NAME = {
  personName: 'The participant the letter is for, in the script of the mail language.',
} as const;

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

/** Sends the approved letter (attached) to whoever asked for it and to the participant. */
export const INVITATION_LETTER_APPROVED_MESSAGE = defineMessage<{
  personName: string;
  editionTitle: string;
  dates: string;
  letterNumber: string;
}>({
  name: 'INVITATION_LETTER_APPROVED',
  description: 'Sends the approved visa invitation letter as a PDF.',
  placeholders: {
    ...RECIPIENT_NAME,
    ...PERSON_NAME,
    ...EDITION_TITLE,
    ...DATES,
    letterNumber: 'The letter’s number, e.g. TM-2026/0007.',
  },
  texts: {
    en: {
      subject: 'Invitation letter {{letterNumber}}: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The visa invitation letter for {{personName}} to attend “{{editionTitle}}” ({{dates}}) has been issued under number {{letterNumber}}. It is attached to this email as a PDF file, in English and Russian.',
        'Consular officers can check the letter with the QR code printed on it.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Письмо-приглашение {{letterNumber}}: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Визовое письмо-приглашение для участника {{personName}} на конференцию «{{editionTitle}}» ({{dates}}) оформлено под номером {{letterNumber}}. Оно приложено к этому письму в формате PDF на английском и русском языках.',
        'Консульские сотрудники могут проверить подлинность письма по напечатанному на нём QR-коду.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Taklifnoma xati {{letterNumber}}: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '{{personName}} uchun «{{editionTitle}}» konferensiyasiga ({{dates}}) viza taklifnoma xati {{letterNumber}} raqami bilan rasmiylashtirildi. U ushbu xatga ingliz va rus tillarida PDF formatida ilova qilingan.',
        'Konsullik xodimlari xatning haqiqiyligini undagi QR-kod orqali tekshirishlari mumkin.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});

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

/** The attachment kind whose source renders an approved letter (see InvitationLetterFiles). */
export const INVITATION_LETTER_ATTACHMENT = 'INVITATION_LETTER';
