import { DATES, PLACE, RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE, EditionValues } from './edition-mail';

/** Invites a person to a conference edition. */
export const INVITATION_MESSAGE = defineMessage<EditionValues>({
  name: 'INVITATION',
  description: 'Invites a person to a conference edition.',
  placeholders: {
    ...RECIPIENT_NAME,
    ...EDITION_TITLE,
    theme: "Theme of the edition's discussions.",
    ...DATES,
    ...PLACE,
  },
  texts: {
    en: {
      subject: 'Invitation: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'On behalf of the organizing committee, we are pleased to invite you to take part in the conference “{{editionTitle}}”.',
        ['Theme: {{theme}}', 'Dates: {{dates}}', 'Venue: {{place}}'],
        'Please confirm your participation at your earliest convenience. We look forward to welcoming you.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Приглашение: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'От имени организационного комитета рады пригласить вас принять участие в конференции «{{editionTitle}}».',
        ['Тема: {{theme}}', 'Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Просим подтвердить ваше участие в ближайшее время. Будем рады видеть вас.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Taklifnoma: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Tashkiliy qoʻmita nomidan sizni «{{editionTitle}}» konferensiyasida ishtirok etishga taklif qilamiz.',
        ['Mavzu: {{theme}}', 'Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Ishtirokingizni imkon qadar tezroq tasdiqlashingizni soʻraymiz. Sizni konferensiyada koʻrishdan mamnun boʻlamiz.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
