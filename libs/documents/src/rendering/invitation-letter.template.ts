import { DATE_TEXTS } from '@platform/core/plain';
import type { InvitationLetterContent } from './document-content';
import { newPdf, pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  contentWidth,
  drawText,
  horizontalRule,
  INK,
  MUTED,
  paragraph,
  regular,
} from './layout';
import { drawQrCode } from './qr';
import { countryName } from './texts';

type LetterLanguage = 'en' | 'ru';

interface Place {
  city: string;
  country: string;
  venue?: string;
}

const QR_SIZE = 84;
const LABEL_WIDTH = 190;

/** The letter's fixed wording, in the two languages consulates of the region read. */
const WORDING: Record<
  LetterLanguage,
  {
    title: string;
    number: string;
    date: string;
    addressee: string;
    salutation: string;
    invites: (host: string, edition: string, place: Place, dates: string) => string;
    nameAsInPassport: string;
    nationality: string;
    passportNumber: string;
    dateOfBirth: string;
    affiliation: string;
    request: string;
    closing: string;
    verificationCode: string;
    verifyAt: string;
    quote: (text: string) => string;
  }
> = {
  en: {
    title: 'Invitation letter',
    number: 'No.',
    date: 'Date',
    addressee: 'To the Consular Officer concerned',
    salutation: 'Dear Sir or Madam,',
    invites: (host, edition, place, dates) =>
      `${host}, host of the conference ${edition}, to be held in ${place.city}, ${place.country}${place.venue ? ` (${place.venue})` : ''} on ${dates}, has the honour to invite the following person to take part in the conference:`,
    nameAsInPassport: 'Full name (as in the passport)',
    nationality: 'Nationality',
    passportNumber: 'Passport number',
    dateOfBirth: 'Date of birth',
    affiliation: 'Position and organization',
    request:
      'We kindly ask you to issue the above-named person a visa for the duration of the conference. Please contact us should you need any further information.',
    closing: 'Yours faithfully,',
    verificationCode: 'Verification code',
    verifyAt: 'Verify this letter at',
    quote: (text) => `“${text}”`,
  },
  ru: {
    title: 'Письмо-приглашение',
    number: '№',
    date: 'Дата',
    addressee: 'Консульскому должностному лицу',
    salutation: 'Уважаемые дамы и господа!',
    invites: (host, edition, place, dates) =>
      `${host}, принимающая сторона конференции ${edition}, которая состоится ${dates} в г. ${place.city} (${place.country})${place.venue ? `, место проведения: ${place.venue}` : ''}, имеет честь пригласить принять участие в конференции:`,
    nameAsInPassport: 'ФИО (как в паспорте)',
    nationality: 'Гражданство',
    passportNumber: 'Номер паспорта',
    dateOfBirth: 'Дата рождения',
    affiliation: 'Должность и организация',
    request:
      'Просим оказать содействие в выдаче визы указанному лицу на период проведения конференции. При необходимости дополнительной информации просим обращаться к нам.',
    closing: 'С уважением,',
    verificationCode: 'Код проверки',
    verifyAt: 'Проверка подлинности письма',
    quote: (text) => `«${text}»`,
  },
};

/**
 * A visa invitation letter, numbered and dated, on the host organization's letterhead:
 * one page in English, one in Russian, each signed and with the verification QR code.
 */
export async function renderInvitationLetter(
  content: InvitationLetterContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const doc = newPdf({
    title: `${WORDING.en.title} ${content.number}`,
    author: content.host.name.en,
    language: 'en',
    creationDate: options.creationDate ?? new Date(`${content.date}T00:00:00Z`),
    fonts: options.fonts,
  });
  drawPage(doc, content, 'en');
  doc.addPage();
  drawPage(doc, content, 'ru');
  return pdfToBuffer(doc);
}

function drawPage(
  doc: PDFKit.PDFDocument,
  content: InvitationLetterContent,
  language: LetterLanguage,
): void {
  const words = WORDING[language];
  const dates = DATE_TEXTS[language];
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  const { host, edition, passport } = content;

  // Letterhead.
  paragraph(doc, host.name[language], bold(15, ACCENT), 0, 2);
  paragraph(doc, countryName(language, host.countryCode), regular(10, MUTED), 0, 4);
  horizontalRule(doc, 14, ACCENT);

  const top = doc.y;
  drawText(doc, `${words.number} ${content.number}`, left, top, width / 2, bold(10.5));
  drawText(doc, `${words.date}: ${dates.date(content.date)}`, left + width / 2, top, width / 2, {
    ...regular(10.5),
    align: 'right',
  });
  doc.y = top + 28;
  paragraph(doc, words.addressee, bold(11), 0, 18);
  paragraph(
    doc,
    words.title.toLocaleUpperCase(language),
    { ...bold(14, ACCENT), align: 'center' },
    0,
    16,
  );
  paragraph(doc, words.salutation, regular(11), 0, 8);
  const place: Place = {
    city: edition.city[language],
    country: countryName(language, edition.countryCode),
    venue: edition.venue?.[language],
  };
  paragraph(
    doc,
    words.invites(
      host.name[language],
      words.quote(edition.title[language]),
      place,
      dates.dateRange(edition.startDate, edition.endDate),
    ),
    { ...regular(11), lineGap: 2 },
    0,
    12,
  );

  const facts: [string, string][] = [
    [words.nameAsInPassport, passport.nameAsInPassport],
    [words.nationality, countryName(language, passport.nationality)],
    [words.passportNumber, passport.passportNumber],
    [words.dateOfBirth, dates.date(passport.dateOfBirth)],
  ];
  if (content.affiliation) facts.push([words.affiliation, content.affiliation[language]]);
  for (const [label, value] of facts) {
    const y = doc.y;
    const labelHeight = drawText(
      doc,
      `${label}:`,
      left + 12,
      y,
      LABEL_WIDTH - 12,
      regular(10.5, MUTED),
    );
    const valueHeight = drawText(
      doc,
      value,
      left + LABEL_WIDTH,
      y,
      width - LABEL_WIDTH,
      bold(10.5),
    );
    doc.y = y + Math.max(labelHeight, valueHeight) + 5;
  }
  doc.y += 8;
  paragraph(doc, words.request, { ...regular(11), lineGap: 2 }, 0, 18);
  paragraph(doc, words.closing, regular(11), 0, 30);
  paragraph(doc, content.signatory.name, bold(11), 0, 2);
  paragraph(doc, content.signatory.position, regular(10.5), 0, 2);
  paragraph(doc, host.name[language], regular(10.5, MUTED), 0, 0);

  // Verification, at the foot of the page.
  const bottom = doc.page.height - doc.page.margins.bottom;
  const qrTop = bottom - QR_SIZE;
  drawQrCode(doc, content.verificationUrl, left, qrTop, QR_SIZE);
  const textLeft = left + QR_SIZE + 12;
  const textWidth = width - QR_SIZE - 12;
  let y = qrTop + 14;
  y +=
    drawText(
      doc,
      `${words.verificationCode}: ${content.verificationCode}`,
      textLeft,
      y,
      textWidth,
      bold(9.5, INK),
    ) + 4;
  y += drawText(doc, `${words.verifyAt}:`, textLeft, y, textWidth, regular(9, MUTED)) + 2;
  drawText(doc, content.verificationUrl, textLeft, y, textWidth, regular(9, ACCENT));
  doc.x = left;
}
