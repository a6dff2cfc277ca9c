import { DATES, defineMessage, paragraphs, RECIPIENT_NAME } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from '../mail/edition-mail';
import { PERSON_NAME } from './invitation-letter-mail';

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

/** The attachment kind whose source renders an approved letter (see InvitationLetterFiles). */
export const INVITATION_LETTER_ATTACHMENT = 'INVITATION_LETTER';
