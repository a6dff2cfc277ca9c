import { RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from './edition-mail';

export type NominationsSubmittedValues = {
  editionTitle: string;
  delegation: string;
  count: number;
  nominees: string;
  reviewUrl: string;
};

/** Tells an edition's organizers that a focal point submitted nominations to decide on. */
export const NOMINATIONS_SUBMITTED_MESSAGE = defineMessage<NominationsSubmittedValues>({
  name: 'NOMINATIONS_SUBMITTED',
  description: "Tells an edition's organizers that a delegation submitted nominations.",
  placeholders: {
    ...RECIPIENT_NAME,
    ...EDITION_TITLE,
    delegation: 'The country or organization the delegation represents.',
    count: 'How many nominations were submitted.',
    nominees: 'The names of the people nominated, one a line.',
    reviewUrl: "The edition's delegations in the organizers' workspace.",
  },
  texts: {
    en: {
      subject: 'Nominations from {{delegation}}: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The delegation of {{delegation}} submitted {{count}} nomination(s) for the conference “{{editionTitle}}”:',
        '{{nominees}}',
        'Please approve or decline them in the workspace:',
        '{{reviewUrl}}',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Кандидатуры делегации ({{delegation}}): {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Делегация ({{delegation}}) направила кандидатуры на конференцию «{{editionTitle}}», всего: {{count}}.',
        '{{nominees}}',
        'Пожалуйста, одобрите или отклоните их в рабочем пространстве:',
        '{{reviewUrl}}',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Delegatsiya nomzodlari ({{delegation}}): {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Delegatsiya ({{delegation}}) «{{editionTitle}}» konferensiyasiga nomzodlarni yubordi, jami: {{count}}.',
        '{{nominees}}',
        'Iltimos, ularni ish maydonida tasdiqlang yoki rad eting:',
        '{{reviewUrl}}',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
