import { Person } from '@platform/directory';
import {
  DATES,
  defineMessage,
  MailRequest,
  mailingKey,
  paragraphs,
  PLACE,
  RECIPIENT_NAME,
} from '@platform/mail';
import { Edition } from '../editions/edition.entity';
import {
  COMMITTEE_SIGN_OFF,
  EDITION_TITLE,
  editionMail,
  EditionValues,
  editionValues,
} from './edition-mail';

/** Reminds a registered participant that the edition is near. */
export const REMINDER_MESSAGE = defineMessage<
  Omit<EditionValues, 'theme'> & { daysBefore: number }
>({
  name: 'REMINDER',
  description: 'Reminds a registered participant that the edition is near.',
  placeholders: {
    ...RECIPIENT_NAME,
    ...EDITION_TITLE,
    ...DATES,
    ...PLACE,
    daysBefore: 'Whole days left until the first day.',
  },
  texts: {
    en: {
      subject: 'Reminder: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'This is a reminder that the conference “{{editionTitle}}” is approaching.',
        ['Days to go: {{daysBefore}}', 'Dates: {{dates}}', 'Venue: {{place}}'],
        'Please arrive early on the first day for check-in and bring an identity document. If you can no longer attend, please let us know.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Напоминание: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Напоминаем, что приближается конференция «{{editionTitle}}».',
        [
          'Дней до начала: {{daysBefore}}',
          'Даты проведения: {{dates}}',
          'Место проведения: {{place}}',
        ],
        'Просим в первый день прибыть заблаговременно для регистрации и взять с собой документ, удостоверяющий личность. Если вы не сможете принять участие, пожалуйста, сообщите нам.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Eslatma: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        // Uzbek keeps the noun singular after a number, so "{{daysBefore}} kun" is always right.
        '«{{editionTitle}}» konferensiyasi boshlanishiga {{daysBefore}} kun qolganini eslatib oʻtamiz.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Birinchi kuni roʻyxatdan oʻtish uchun ertaroq kelishingizni va shaxsni tasdiqlovchi hujjatingizni olib kelishingizni soʻraymiz. Agar ishtirok eta olmasangiz, iltimos, bizga xabar bering.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});

/**
 * The reminder before the start, whether an organizer sends it or it goes out by itself:
 * the same key, so nobody gets two.
 */
export function reminderMail(edition: Edition, person: Person, today = new Date()): MailRequest {
  const daysBefore = Math.max(0, daysUntil(edition.startDate, today));
  return editionMail(
    REMINDER_MESSAGE,
    edition,
    person,
    mailingKey(REMINDER_MESSAGE, edition.id, person.id),
    {
      ...editionValues(edition, person.language),
      daysBefore,
    },
  );
}

function daysUntil(date: string, today: Date): number {
  const midnight = new Date(today.toISOString().slice(0, 10));
  return Math.round((new Date(date).getTime() - midnight.getTime()) / 86_400_000);
}
