import { RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from './edition-mail';

const PLACEHOLDERS = {
  ...RECIPIENT_NAME,
  ...EDITION_TITLE,
  delegation: 'The country or organization the delegation represents.',
  nominee: 'The name of the person nominated, in the script of the mail.',
} as const;

/** Tells a delegation's focal point that a nomination was approved. */
export const NOMINATION_APPROVED_MESSAGE = defineMessage<{
  editionTitle: string;
  delegation: string;
  nominee: string;
  seat: string;
}>({
  name: 'NOMINATION_APPROVED',
  description: "Tells a delegation's focal point that a nomination was approved.",
  placeholders: {
    ...PLACEHOLDERS,
    seat: 'Whether the person has a seat or waits for one, as a sentence in the mail language.',
  },
  texts: {
    en: {
      subject: 'Nomination approved: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The organizers approved the nomination of {{nominee}} (delegation of {{delegation}}) for the conference “{{editionTitle}}”. {{seat}}',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Кандидатура одобрена: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Организаторы одобрили кандидатуру: {{nominee}} (делегация: {{delegation}}) для участия в конференции «{{editionTitle}}». {{seat}}',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Nomzod tasdiqlandi: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Tashkilotchilar «{{editionTitle}}» konferensiyasi uchun nomzodni tasdiqladi: {{nominee}} (delegatsiya: {{delegation}}). {{seat}}',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});

/** Tells a delegation's focal point that a nomination was declined, and why. */
export const NOMINATION_DECLINED_MESSAGE = defineMessage<{
  editionTitle: string;
  delegation: string;
  nominee: string;
  reason: string;
}>({
  name: 'NOMINATION_DECLINED',
  description: "Tells a delegation's focal point that a nomination was declined, and why.",
  placeholders: { ...PLACEHOLDERS, reason: 'Why the organizers declined it, as they wrote it.' },
  texts: {
    en: {
      subject: 'Nomination declined: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The organizers declined the nomination of {{nominee}} (delegation of {{delegation}}) for the conference “{{editionTitle}}”.',
        'Reason: {{reason}}',
        'The seat is free again: you may nominate someone else.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Кандидатура отклонена: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Организаторы отклонили кандидатуру: {{nominee}} (делегация: {{delegation}}) для участия в конференции «{{editionTitle}}».',
        'Причина: {{reason}}',
        'Место снова свободно: вы можете выдвинуть другого кандидата.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Nomzod rad etildi: {{nominee}}, {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Tashkilotchilar «{{editionTitle}}» konferensiyasi uchun nomzodni rad etdi: {{nominee}} (delegatsiya: {{delegation}}).',
        'Sababi: {{reason}}',
        'Oʻrin yana boʻsh: boshqa nomzodni koʻrsatishingiz mumkin.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
