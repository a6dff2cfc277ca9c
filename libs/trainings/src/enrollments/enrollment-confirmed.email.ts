import { countryNameIn, DATE_TEXTS, EventKind, inLanguage, languageOr } from '@platform/core';
import { Person } from '@platform/directory';
import {
  DATES,
  defineMessage,
  MailRequest,
  paragraphs,
  PLACE,
  RECIPIENT_NAME,
} from '@platform/mail';
import { TrainingEvent } from '../events/training-event.entity';

/** What mail about a training event says about it, in the mail's language. */
export type TrainingEventValues = {
  eventTitle: string;
  dates: string;
  place: string;
};

/** Confirms an enrollment in a training event. */
export const ENROLLMENT_CONFIRMED_MESSAGE = defineMessage<TrainingEventValues>({
  name: 'ENROLLMENT_CONFIRMED',
  description: 'Confirms an enrollment in a training event.',
  placeholders: {
    ...RECIPIENT_NAME,
    eventTitle: 'Title of the training event.',
    ...DATES,
    ...PLACE,
  },
  texts: {
    en: {
      subject: 'Enrollment confirmed: {{eventTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'You are enrolled in the training “{{eventTitle}}”.',
        ['Dates: {{dates}}', 'Venue: {{place}}'],
        'Attendance is recorded every day; participants who meet the attendance requirement receive a certificate of completion. Please bring your service identity card.',
        ['Kind regards,', 'The training organizers'],
      ),
    },
    ru: {
      subject: 'Участие подтверждено: {{eventTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Вы включены в список участников обучения «{{eventTitle}}».',
        ['Даты проведения: {{dates}}', 'Место проведения: {{place}}'],
        'Посещаемость отмечается ежедневно; участники, выполнившие требования по посещаемости, получают сертификат об окончании обучения. Просим взять с собой служебное удостоверение.',
        ['С уважением,', 'Организаторы обучения'],
      ),
    },
    uz: {
      subject: 'Ishtirokingiz tasdiqlandi: {{eventTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        'Siz «{{eventTitle}}» oʻquv kursi ishtirokchilari roʻyxatiga kiritildingiz.',
        ['Sana: {{dates}}', 'Oʻtkaziladigan joy: {{place}}'],
        'Davomat har kuni qayd etiladi; davomat talablarini bajargan ishtirokchilarga oʻquv kursini tamomlaganlik sertifikati beriladi. Xizmat guvohnomangizni olib kelishingizni soʻraymiz.',
        ['Hurmat bilan,', 'Oʻquv kursi tashkilotchilari'],
      ),
    },
  },
});

/** A trainee's confirmation, with the key that says why it is sent (enrollment or mailing). */
export function enrollmentConfirmedMail(
  event: TrainingEvent,
  person: Person,
  idempotencyKey: string,
): MailRequest<TrainingEventValues> {
  const language = languageOr(person.language);
  const text = (field: 'title' | 'city' | 'region') =>
    inLanguage(event[field], event.translations, field, language);
  return {
    message: ENROLLMENT_CONFIRMED_MESSAGE,
    idempotencyKey,
    to: { email: person.email, name: person.nameIn(language), language, personId: person.id },
    values: {
      eventTitle: text('title'),
      dates: DATE_TEXTS[language].dateRange(event.startDate, event.endDate),
      place: `${text('city')}, ${text('region')}, ${countryNameIn(language, event.country)}`,
    },
    about: { kind: EventKind.TRAINING_EVENT, id: event.id },
  };
}
