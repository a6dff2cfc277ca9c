import { escapeHtml } from '@platform/core';
import type { Verification, VerificationStatus } from './verification.service';

export type PageLanguage = 'en' | 'ru' | 'uz';

const TEXTS: Record<
  PageLanguage,
  Record<VerificationStatus, string> & {
    title: string;
    serial: string;
    holder: string;
    event: string;
    issued: string;
  }
> = {
  en: {
    title: 'Certificate verification',
    valid: 'This certificate is valid.',
    revoked: 'This certificate was revoked.',
    replaced: 'This certificate was replaced by a reissued one and is no longer valid.',
    unknown: 'No certificate has this verification code. Check the code and try again.',
    serial: 'Serial number',
    holder: 'Holder',
    event: 'Event',
    issued: 'Issued on',
  },
  ru: {
    title: 'Проверка сертификата',
    valid: 'Сертификат действителен.',
    revoked: 'Сертификат отозван.',
    replaced: 'Сертификат заменён переизданным и больше не действителен.',
    unknown: 'Сертификата с таким кодом проверки нет. Проверьте код и попробуйте снова.',
    serial: 'Серийный номер',
    holder: 'Владелец',
    event: 'Мероприятие',
    issued: 'Дата выдачи',
  },
  uz: {
    title: 'Sertifikatni tekshirish',
    valid: 'Sertifikat haqiqiy.',
    revoked: 'Sertifikat bekor qilingan.',
    replaced: 'Sertifikat qayta berilgan sertifikat bilan almashtirilgan va endi haqiqiy emas.',
    unknown: 'Bunday tekshirish kodli sertifikat yoʻq. Kodni tekshirib, qaytadan urinib koʻring.',
    serial: 'Seriya raqami',
    holder: 'Egasi',
    event: 'Tadbir',
    issued: 'Berilgan sana',
  },
};

/** A small self-contained page (no scripts, no external assets). */
export function verificationPage(
  result: Verification,
  language: PageLanguage,
  countryName: (code: string) => string,
): string {
  const t = TEXTS[language];
  const c = result.certificate;
  const rows = c
    ? [
        [t.serial, c.serial],
        [t.holder, c.holderName],
        [
          t.event,
          `${c.event.title}, ${c.event.city}, ${countryName(c.event.country)}, ${c.event.startDate} – ${c.event.endDate}`,
        ],
        [t.issued, c.issuedOn],
      ]
        .map(
          ([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
        )
        .join('')
    : '';
  const colour = result.status === 'valid' ? '#1b5e20' : '#b71c1c';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
p.status{font-size:1.3rem;font-weight:bold;color:${colour}}th{text-align:left;padding-right:1rem;vertical-align:top}</style>
</head><body><h1>${escapeHtml(t.title)}</h1>
<p class="status" data-status="${result.status}">${escapeHtml(t[result.status])}</p>
${rows ? `<table>${rows}</table>` : ''}
</body></html>`;
}
