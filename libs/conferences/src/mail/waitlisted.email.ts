import { DATES, RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE, EditionValues } from './edition-mail';

/** Tells a registrant that the edition is full and they wait. */
export const WAITLISTED_MESSAGE = defineMessage<Pick<EditionValues, 'editionTitle' | 'dates'>>({
  name: 'WAITLISTED',
  description: 'Tells a registrant that the edition is full and they wait.',
  placeholders: { ...RECIPIENT_NAME, ...EDITION_TITLE, ...DATES },
  texts: {
    en: {
      subject: 'Waiting list: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Thank you for registering for the conference “{{editionTitle}}” ({{dates}}). All seats are currently taken, so we have placed you on the waiting list.',
        'If a seat becomes available, it will be offered to those on the waiting list in the order in which they registered, and we will write to you at once. You do not need to do anything in the meantime.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Лист ожидания: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за регистрацию на конференцию «{{editionTitle}}» ({{dates}}). В настоящее время все места заняты, поэтому мы включили вас в лист ожидания.',
        'Если место освободится, оно будет предложено участникам из листа ожидания в порядке поступления заявок, и мы сразу сообщим вам. Пока никаких действий с вашей стороны не требуется.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Kutish roʻyxati: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasiga ({{dates}}) roʻyxatdan oʻtganingiz uchun tashakkur. Hozirda barcha oʻrinlar band, shu sababli sizni kutish roʻyxatiga kiritdik.',
        'Agar oʻrin boʻshasa, u kutish roʻyxatidagi ishtirokchilarga arizalar kelib tushgan tartibda taklif qilinadi va biz sizga darhol xabar beramiz. Hozircha sizdan hech qanday harakat talab qilinmaydi.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
