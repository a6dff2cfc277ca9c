import { languageOr } from '@platform/core';
import {
  defineMessage,
  MailRequest,
  ORGANIZERS_SIGN_OFF,
  paragraphs,
  PLACE,
  RECIPIENT_NAME,
} from '@platform/mail';
import { countryNameIn } from '@platform/core';
import { holderNameIn } from '../rendering';
import { certificateTexts } from '../rendering/document-content';
import type { Certificate } from './certificate.entity';

type CertificateValues = {
  eventTitle: string;
  place: string;
  serial: string;
  verificationUrl: string;
};

/** The attachment source that gives a certificate's PDF (see CertificateAttachments). */
export const CERTIFICATE_ATTACHMENT = 'CERTIFICATE';

/** Sends an issued certificate as a PDF attachment. */
export const CERTIFICATE_ISSUED_MESSAGE = defineMessage<CertificateValues>({
  name: 'CERTIFICATE_ISSUED',
  description: 'Sends an issued certificate as a PDF attachment.',
  placeholders: {
    ...RECIPIENT_NAME,
    eventTitle: 'Title of the conference edition or training event the certificate is for.',
    ...PLACE,
    serial: 'Serial number printed on the certificate.',
    verificationUrl: 'Public page that confirms the certificate is genuine.',
  },
  texts: {
    en: {
      subject: 'Your certificate: {{eventTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Thank you for taking part in “{{eventTitle}}” ({{place}}). Your certificate is attached to this email as a PDF file.',
        [
          'Serial number: {{serial}}',
          'Anyone can check that the certificate is genuine at {{verificationUrl}}',
        ],
        ORGANIZERS_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Ваш сертификат: {{eventTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за участие в мероприятии «{{eventTitle}}» ({{place}}). Ваш сертификат приложен к этому письму в формате PDF.',
        [
          'Серийный номер: {{serial}}',
          'Подлинность сертификата можно проверить по ссылке: {{verificationUrl}}',
        ],
        ORGANIZERS_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Sertifikatingiz: {{eventTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{eventTitle}}» ({{place}}) tadbirida ishtirok etganingiz uchun tashakkur. Sertifikatingiz ushbu xatga PDF formatida ilova qilingan.',
        [
          'Seriya raqami: {{serial}}',
          'Sertifikatning haqiqiyligini quyidagi havola orqali tekshirish mumkin: {{verificationUrl}}',
        ],
        ORGANIZERS_SIGN_OFF.uz,
      ),
    },
  },
});

/** The mail that brings a certificate to its holder: queued once per certificate. */
export function certificateMailKey(certificateId: string): string {
  return `${CERTIFICATE_ISSUED_MESSAGE.name}:${certificateId}`;
}

/**
 * The certificate to its holder, in the certificate's (first) language, PDF attached;
 * issuing and a later mailing build the same mail with the same key, so it goes once.
 */
export function certificateIssuedMail(
  certificate: Certificate,
  email: string | null | undefined,
): MailRequest<CertificateValues> {
  const language = languageOr(certificate.languages[0]);
  const { content } = certificate;
  const texts = certificateTexts(content, language);
  return {
    message: CERTIFICATE_ISSUED_MESSAGE,
    idempotencyKey: certificateMailKey(certificate.id),
    to: {
      email,
      name: holderNameIn(content, language),
      language,
      personId: certificate.person.id,
    },
    values: {
      eventTitle: texts.eventTitle,
      place: `${texts.city}, ${countryNameIn(language, content.countryCode)}`,
      serial: certificate.serial,
      verificationUrl: certificate.content.verificationUrl,
    },
    about: certificate.event,
    attachments: [{ kind: CERTIFICATE_ATTACHMENT, id: certificate.id }],
  };
}
