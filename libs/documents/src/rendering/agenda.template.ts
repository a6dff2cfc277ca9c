import type { AgendaContent } from './document-content';
import { pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  contentWidth,
  drawText,
  heightOf,
  horizontalRule,
  INK,
  keepTogether,
  MUTED,
  newEditionPdf,
  numberPages,
  paragraph,
  regular,
  TextStyle,
} from './layout';
import { sessionKindName, Texts, textsFor } from './texts';

const TIME_WIDTH = 78;

type Session = AgendaContent['days'][number]['sessions'][number];

/** The edition's programme, day by day: time, kind, title, room, moderator and speakers. */
export async function renderAgenda(
  content: AgendaContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { language, edition } = content;
  const texts = textsFor(language);
  const doc = newEditionPdf(language, edition, texts.agenda.title, options);

  for (const day of content.days) {
    const heading = `${texts.agenda.day(day.number)} — ${texts.weekday(day.date)}, ${texts.date(day.date)}`;
    const headingStyle = bold(13, ACCENT);
    const first = day.sessions[0];
    // A day's heading stays on the page of its first session.
    keepTogether(
      doc,
      heightOf(doc, heading, headingStyle, contentWidth(doc)) +
        8 +
        (first ? sessionHeight(doc, texts, language, first) : 0),
    );
    paragraph(doc, heading, headingStyle, 0, 4);
    horizontalRule(doc, 6);
    for (const session of day.sessions) drawSession(doc, texts, language, session);
    doc.y += 10;
  }

  numberPages(doc, language);
  return pdfToBuffer(doc);
}

/** The lines of a session right of its time, with their styles. */
function sessionLines(
  texts: Texts,
  language: AgendaContent['language'],
  session: Session,
): { text: string; style: TextStyle; gapAfter: number }[] {
  const isBreak = session.kind === 'BREAK';
  const kind = sessionKindName(language, session.kind).toLocaleUpperCase(language);
  const lines = [
    { text: kind, style: bold(7.5, MUTED), gapAfter: 1 },
    { text: session.title, style: isBreak ? regular(10, MUTED) : bold(10.5, INK), gapAfter: 2 },
  ];
  const where = [
    session.room && `${texts.agenda.room}: ${session.room}`,
    session.moderator && `${texts.agenda.moderator}: ${session.moderator}`,
  ].filter(Boolean);
  if (where.length)
    lines.push({ text: where.join('  ·  '), style: regular(9, MUTED), gapAfter: 2 });
  for (const speaker of session.speakers)
    lines.push({
      text: speaker.title ? `${speaker.name} — ${speaker.title}` : speaker.name,
      style: regular(9.5),
      gapAfter: 1,
    });
  return lines;
}

function sessionHeight(
  doc: PDFKit.PDFDocument,
  texts: Texts,
  language: AgendaContent['language'],
  session: Session,
): number {
  const width = contentWidth(doc) - TIME_WIDTH;
  return sessionLines(texts, language, session).reduce(
    (sum, line) => sum + heightOf(doc, line.text, line.style, width) + line.gapAfter,
    0,
  );
}

function drawSession(
  doc: PDFKit.PDFDocument,
  texts: Texts,
  language: AgendaContent['language'],
  session: Session,
): void {
  // A session stays whole; one longer than a page starts a page and flows on.
  keepTogether(doc, sessionHeight(doc, texts, language, session));
  const top = doc.y;
  drawText(
    doc,
    `${session.startTime}–${session.endTime}`,
    doc.page.margins.left,
    top + 1,
    TIME_WIDTH - 8,
    bold(9.5),
  );
  doc.y = top;
  for (const line of sessionLines(texts, language, session))
    paragraph(doc, line.text, line.style, TIME_WIDTH, line.gapAfter);
  doc.y += 4;
  horizontalRule(doc, 8);
}
