import type { DonorReportContent } from './donor-report.content';
import { DONOR_REPORT_TEXTS } from './donor-report.texts';
import { newPdf, pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  Column,
  contentWidth,
  drawTable,
  horizontalRule,
  keepTogether,
  MUTED,
  numberPages,
  paragraph,
  regular,
} from './layout';
import { textsFor } from './texts';

const NOT_KNOWN = '–';
const FIGURE_WIDTH = 80;

/** A figure as printed: at most one decimal, in the document's language; – when not known. */
const donorFigure = (language: string, value: number | null | undefined, suffix = '') =>
  value == null
    ? NOT_KNOWN
    : `${value.toLocaleString(language, { maximumFractionDigits: 1 })}${suffix}`;

/**
 * A programme's donor report for a period: who runs and funds it, the people trained in
 * all and by sex, category and region, its targets against the actual figures, knowledge
 * gained, satisfaction, and the events held.
 */
export async function renderDonorReport(
  content: DonorReportContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { language } = content;
  const t = DONOR_REPORT_TEXTS[language];
  const k = textsFor(language).attendance.knowledge;
  const figure = (value: number | null | undefined, suffix = '') =>
    donorFigure(language, value, suffix);
  const share = (value: number | null) => figure(value == null ? null : value * 100, '%');
  const doc = newPdf({
    title: `${t.title} — ${content.programmeTitle} — ${content.periodLabel}`,
    subject: content.programmeTitle,
    author: content.owner,
    language,
    bufferPages: true,
    creationDate: options.creationDate,
    fonts: options.fonts,
  });
  const heading = (text: string) => {
    doc.y += 10;
    keepTogether(doc, 60);
    paragraph(doc, text, bold(12, ACCENT), 0, 6);
  };
  const pairs = (rows: [string, string][]) =>
    drawTable(
      doc,
      [
        { header: '', width: contentWidth(doc) - 120 },
        { header: '', width: 120, align: 'right' },
      ],
      rows.map((cells) => ({ cells })),
      9.5,
    );

  paragraph(doc, t.title.toLocaleUpperCase(language), bold(10, ACCENT), 0, 4);
  paragraph(doc, content.programmeTitle, bold(16), 0, 4);
  paragraph(doc, `${t.period}: ${content.periodLabel}`, regular(11), 0, 3);
  paragraph(doc, `${t.implementedBy}: ${content.owner}`, regular(10, MUTED), 0, 2);
  if (content.funders.length)
    paragraph(doc, `${t.fundedBy}: ${content.funders.join(', ')}`, regular(10, MUTED), 0, 2);
  horizontalRule(doc, 12, ACCENT);

  heading(t.people);
  pairs([
    [t.enrolled, String(content.total.enrolled)],
    [t.trained, String(content.total.trained)],
  ]);
  const counts = (header: string): Column => ({ header, width: FIGURE_WIDTH, align: 'right' });
  for (const breakdown of content.breakdowns) {
    doc.y += 6;
    keepTogether(doc, 50);
    paragraph(doc, t.by[breakdown.by], bold(10.5), 0, 4);
    drawTable(
      doc,
      [
        { header: '', width: contentWidth(doc) - 2 * FIGURE_WIDTH },
        counts(t.enrolled),
        counts(t.trained),
      ],
      breakdown.rows.map((row) => ({
        cells: [row.label, String(row.enrolled), String(row.trained)],
      })),
      9.5,
    );
  }

  heading(t.targets);
  if (!content.targets.length) paragraph(doc, t.noTargets, regular(10, MUTED));
  else
    drawTable(
      doc,
      [
        { header: t.measure, width: contentWidth(doc) - 3 * FIGURE_WIDTH },
        counts(t.target),
        counts(t.actual),
        counts(t.percent),
      ],
      content.targets.map((line) => ({
        cells: [
          line.label,
          figure(line.target),
          figure(line.actual),
          figure(line.percent, line.percent == null ? '' : '%'),
        ],
      })),
      9.5,
    );

  heading(t.knowledge);
  const knowledge = content.knowledge;
  if (!knowledge || !knowledge.testedPeople) paragraph(doc, t.noKnowledge, regular(10, MUTED));
  else
    pairs([
      [k.tested, String(knowledge.testedPeople)],
      [k.meanPre, figure(knowledge.meanPre, '%')],
      [k.meanPost, figure(knowledge.meanPost, '%')],
      [k.meanGain, figure(knowledge.meanGain)],
      [k.improved, share(knowledge.improvedShare)],
      [k.mastered, share(knowledge.masteredShare)],
    ]);

  heading(t.satisfaction);
  const satisfaction = content.satisfaction;
  if (!satisfaction || !satisfaction.invited) paragraph(doc, t.noSatisfaction, regular(10, MUTED));
  else
    pairs([
      [t.invited, String(satisfaction.invited)],
      [t.answered, String(satisfaction.answered)],
      [t.responseRate, share(satisfaction.responseRate)],
      [t.meanSatisfaction, figure(satisfaction.meanSatisfaction)],
    ]);

  heading(t.events);
  if (!content.events.length) paragraph(doc, t.noEvents, regular(10, MUTED));
  else {
    const dates = textsFor(language).dateRange;
    const rest = contentWidth(doc) - 2 * 56 - 110;
    drawTable(
      doc,
      [
        { header: t.event, width: rest * 0.6 },
        { header: t.place, width: rest * 0.4 },
        { header: t.dates, width: 110 },
        { header: t.enrolled, width: 56, align: 'right' },
        { header: t.trained, width: 56, align: 'right' },
      ],
      content.events.map((event) => ({
        cells: [
          event.title,
          event.place,
          dates(event.startDate, event.endDate),
          String(event.enrolled),
          String(event.trained),
        ],
      })),
      9,
    );
  }

  numberPages(doc, language);
  return pdfToBuffer(doc);
}
