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

/** Sends the edition's adopted recommendations as a PDF. */
export const RECOMMENDATIONS_MESSAGE = defineMessage<Omit<EditionValues, 'theme'>>({
  name: 'RECOMMENDATIONS',
  description: "Sends the edition's adopted recommendations as a PDF.",
  placeholders: { ...RECIPIENT_NAME, ...EDITION_TITLE, ...DATES, ...PLACE },
  texts: {
    en: {
      subject: 'Adopted recommendations: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Thank you for your contribution to the conference “{{editionTitle}}” ({{place}}, {{dates}}).',
        'The recommendations adopted by the conference are attached to this email as a PDF file. We would be grateful if you shared them within your organization and told us about the steps taken to implement them; their follow-up will be reviewed at the next edition.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Принятые рекомендации: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за вклад в работу конференции «{{editionTitle}}» ({{place}}, {{dates}}).',
        'Рекомендации, принятые конференцией, приложены к этому письму в формате PDF. Будем признательны, если вы ознакомите с ними коллег в вашей организации и сообщите нам о мерах, принятых для их выполнения; ход их выполнения будет рассмотрен на следующей конференции.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Qabul qilingan tavsiyalar: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasi ({{place}}, {{dates}}) ishiga qoʻshgan hissangiz uchun tashakkur.',
        'Konferensiyada qabul qilingan tavsiyalar ushbu xatga PDF formatida ilova qilingan. Ularni tashkilotingiz xodimlari bilan baham koʻrsangiz va ularni amalga oshirish boʻyicha koʻrilgan choralar haqida bizga maʼlum qilsangiz, minnatdor boʻlamiz. Tavsiyalarning bajarilishi keyingi konferensiyada koʻrib chiqiladi.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});

/** The attachment source that renders an edition's adopted recommendations (see ConferenceDocuments). */
export const RECOMMENDATIONS_ATTACHMENT = 'RECOMMENDATIONS';

/** The edition's adopted recommendations as a PDF in the reader's language. */
export function recommendationsMail(edition: Edition, person: Person): MailRequest {
  return editionMail(
    RECOMMENDATIONS_MESSAGE,
    edition,
    person,
    mailingKey(RECOMMENDATIONS_MESSAGE, edition.id, person.id),
    editionValues(edition, person.language),
    [{ kind: RECOMMENDATIONS_ATTACHMENT, id: edition.id, language: person.language }],
  );
}
