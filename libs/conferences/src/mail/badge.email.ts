import {
  DATES,
  defineMessage,
  MailRequest,
  paragraphs,
  PLACE,
  RECIPIENT_NAME,
} from '@platform/mail';
import { Person } from '@platform/directory';
import { Edition } from '../editions/edition.entity';
import {
  COMMITTEE_SIGN_OFF,
  EDITION_TITLE,
  editionMail,
  EditionValues,
  editionValues,
} from './edition-mail';

/** Sends a participant their accreditation badge as a PDF (a digital badge). */
export const BADGE_MESSAGE = defineMessage<Omit<EditionValues, 'theme'>>({
  name: 'BADGE',
  description: 'Sends a participant their accreditation badge as a PDF, with its check-in QR code.',
  placeholders: { ...RECIPIENT_NAME, ...EDITION_TITLE, ...DATES, ...PLACE },
  texts: {
    en: {
      subject: 'Your badge: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Your accreditation badge for the conference “{{editionTitle}}” ({{place}}, {{dates}}) is attached to this email as a PDF file.',
        'Please show its QR code at the entrance, on your phone or printed. Do not share it: it checks you in.',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Ваш бейдж: {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Ваш бейдж участника конференции «{{editionTitle}}» ({{place}}, {{dates}}) приложен к этому письму в формате PDF.',
        'Пожалуйста, предъявите его QR-код при входе — на экране телефона или в распечатанном виде. Не передавайте его другим: по нему отмечается ваше присутствие.',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Sizning beyjingiz: {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasi ({{place}}, {{dates}}) ishtirokchisi beyjingiz ushbu xatga PDF formatida ilova qilingan.',
        'Iltimos, kirishda uning QR kodini telefoningizda yoki chop etilgan holda koʻrsating. Uni boshqalarga bermang: u orqali ishtirokingiz qayd etiladi.',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});

/** The attachment source that renders a badge's PDF when the mail goes out (BadgeAttachment). */
export const BADGE_ATTACHMENT = 'BADGE';

/** A person's badge by mail; one per token version, so a revoked badge may be sent again. */
export function badgeMail(
  edition: Edition,
  person: Person,
  badge: { id: string; tokenVersion: number },
): MailRequest {
  return editionMail(
    BADGE_MESSAGE,
    edition,
    person,
    `${BADGE_MESSAGE.name}:${badge.id}:${badge.tokenVersion}`,
    editionValues(edition, person.language),
    [{ kind: BADGE_ATTACHMENT, id: badge.id, language: person.language }],
  );
}
