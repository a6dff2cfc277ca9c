import { languageOr } from '@platform/core';
import {
  defineMessage,
  MailRequest,
  ORGANIZERS_SIGN_OFF,
  paragraphs,
  RECIPIENT_NAME,
} from '@platform/mail';
import { holderNameIn } from '../rendering';
import type { Certificate } from './certificate.entity';

type CertificateValues = { eventTitle: string; serial: string; verificationUrl: string };

/** The attachment source that gives a certificate's PDF (see CertificateAttachments). */
export const CERTIFICATE_ATTACHMENT = 'CERTIFICATE';

/** Sends an issued certificate as a PDF attachment. */
export const CERTIFICATE_ISSUED_MESSAGE = defineMessage<CertificateValues>({
  name: 'CERTIFICATE_ISSUED',
  description: 'Sends an issued certificate as a PDF attachment.',
  placeholders: {
    ...RECIPIENT_NAME,
    eventTitle: 'Title of the conference edition or training event the certificate is for.',
    serial: 'Serial number printed on the certificate.',
    verificationUrl: 'Public page that confirms the certificate is genuine.',
  },
  texts: {
    en: {
      subject: 'Your certificate: {{eventTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Thank you for taking part in “{{eventTitle}}”. Your certificate is attached to this email as a PDF file.',
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
        'Благодарим вас за участие в мероприятии «{{eventTitle}}». Ваш сертификат приложен к этому письму в формате PDF.',
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
        '«{{eventTitle}}» tadbirida ishtirok etganingiz uchun tashakkur. Sertifikatingiz ushbu xatga PDF formatida ilova qilingan.',
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
  return {
    message: CERTIFICATE_ISSUED_MESSAGE,
    idempotencyKey: certificateMailKey(certificate.id),
    to: {
      email,
      name: holderNameIn(certificate.content, language),
      language,
      personId: certificate.person.id,
    },
    values: {
      eventTitle: certificate.eventTitle,
      serial: certificate.serial,
      verificationUrl: certificate.content.verificationUrl,
    },
    about: certificate.event,
    attachments: [{ kind: CERTIFICATE_ATTACHMENT, id: certificate.id }],
  };
}
