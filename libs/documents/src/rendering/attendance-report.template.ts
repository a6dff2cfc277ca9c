import type { AttendanceMarkName, AttendanceReportContent } from './document-content';
import { DEFAULT_MARGINS, newPdf, pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  Column,
  contentWidth,
  drawTable,
  horizontalRule,
  MUTED,
  numberPages,
  paragraph,
  regular,
} from './layout';
import { categoryName, countryName, textsFor } from './texts';

// Column widths in points; the name and organization columns share what is left.
const FIXED = { number: 24, category: 86, attended: 64, completed: 62 };
const FIXED_WIDTH = Object.values(FIXED).reduce((sum, width) => sum + width, 0);
/** Each of the pre, post and gain columns, when the event has a knowledge test. */
const SCORE_WIDTH = 40;
const scoreColumns = (content: AttendanceReportContent) => (content.knowledge ? 3 : 0);
const fixedWidth = (content: AttendanceReportContent) =>
  FIXED_WIDTH + scoreColumns(content) * SCORE_WIDTH;
/** A score as printed: at most one decimal, in the document's language. */
const score = (language: string, value: number | null | undefined, signed = false) =>
  value == null
    ? NOT_MARKED
    : `${signed && value > 0 ? '+' : ''}${value.toLocaleString(language, { maximumFractionDigits: 1 })}`;
/** Room for "День 1" on one line (34 points with its line break) and the date below. */
const MAX_DAY_WIDTH = 42;
/** Room for "15.05" below the day's number. */
const DATED_DAY_WIDTH = 28;
/** Room for a two-digit day number or a mark. */
const MIN_DAY_WIDTH = 18;
/** Portrait only while the names keep this much room; otherwise landscape. */
const MIN_NAMES_WIDTH = 200;
/** Many days narrow the day columns until the names are left this much. */
const LANDSCAPE_NAMES_WIDTH = 260;
const PORTRAIT_CONTENT_WIDTH = 595.28 - DEFAULT_MARGINS.left - DEFAULT_MARGINS.right;
const MARKS: AttendanceMarkName[] = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];
const NOT_MARKED = '–';

/** A training event's attendance: one row per trainee and day, then the indicators. */
export async function renderAttendanceReport(
  content: AttendanceReportContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { language } = content;
  const texts = textsFor(language);
  const t = texts.attendance;
  const doc = newPdf({
    title: `${t.title} — ${content.eventTitle}`,
    subject: content.programmeTitle,
    language,
    layout:
      PORTRAIT_CONTENT_WIDTH - fixedWidth(content) - content.days.length * MAX_DAY_WIDTH <
      MIN_NAMES_WIDTH
        ? 'landscape'
        : 'portrait',
    bufferPages: true,
    creationDate: options.creationDate,
    fonts: options.fonts,
  });

  paragraph(doc, t.title.toLocaleUpperCase(language), bold(10, ACCENT), 0, 4);
  paragraph(doc, content.eventTitle, bold(16), 0, 4);
  paragraph(doc, `${t.programme}: ${content.programmeTitle}`, regular(11), 0, 3);
  const place = [content.city, content.region, countryName(language, content.countryCode)]
    .filter(Boolean)
    .join(', ');
  paragraph(
    doc,
    `${texts.dateRange(content.startDate, content.endDate)}  ·  ${place}`,
    regular(10, MUTED),
    0,
    2,
  );
  if (content.trainers.length)
    paragraph(doc, `${t.trainers}: ${content.trainers.join(', ')}`, regular(10, MUTED), 0, 2);
  paragraph(
    doc,
    `${t.completionRule}: ${t.rule(content.completionRule, content.days.length)}`,
    regular(10),
    0,
    4,
  );
  horizontalRule(doc, 12, ACCENT);

  drawTable(doc, traineeColumns(doc, content), traineeRows(content), 8.5);
  doc.y += 6;
  const legend = [
    ...MARKS.map((mark) => `${texts.mark[mark].short} — ${texts.mark[mark].label}`),
    `${NOT_MARKED} — ${t.notMarked}`,
  ].join('  ·  ');
  paragraph(doc, `${t.legend}: ${legend}`, regular(8.5, MUTED), 0, 18);

  paragraph(doc, t.indicators, bold(12, ACCENT), 0, 6);
  const figure = (header: string): Column => ({ header, width: 90, align: 'right' });
  const figures = [figure(t.enrolled), figure(t.trained), figure(t.completions)];
  const { indicators } = content;
  drawTable(
    doc,
    [{ header: t.category, width: contentWidth(doc) - 3 * 90 }, ...figures],
    [
      ...indicators.rows.map((row) => ({
        cells: [
          categoryName(language, row.category),
          String(row.enrolled),
          String(row.trained),
          String(row.completions),
        ],
      })),
      {
        cells: [
          t.total,
          String(indicators.total.enrolled),
          String(indicators.total.trained),
          String(indicators.total.completions),
        ],
        bold: true,
      },
    ],
    9.5,
  );

  if (content.knowledge) {
    const k = t.knowledge;
    const f = content.knowledge;
    const percent = (share: number | null) =>
      share == null ? NOT_MARKED : `${score(language, share * 100)}%`;
    doc.y += 10;
    paragraph(doc, k.title, bold(12, ACCENT), 0, 6);
    drawTable(
      doc,
      [
        { header: '', width: contentWidth(doc) - 120 },
        { header: '', width: 120, align: 'right' },
      ],
      [
        [k.tested, String(f.testedPeople)],
        [k.meanPre, `${score(language, f.meanPre)}%`],
        [k.meanPost, `${score(language, f.meanPost)}%`],
        [k.meanGain, score(language, f.meanGain, true)],
        [k.improved, percent(f.improvedShare)],
        [k.mastered, percent(f.masteredShare)],
      ].map((cells) => ({ cells })),
      9.5,
    );
  }

  numberPages(doc, language);
  return pdfToBuffer(doc);
}

function traineeColumns(doc: PDFKit.PDFDocument, content: AttendanceReportContent): Column[] {
  const t = textsFor(content.language).attendance;
  const width = contentWidth(doc);
  const days = content.days.length;
  const dayWidth = Math.min(
    MAX_DAY_WIDTH,
    Math.max(
      MIN_DAY_WIDTH,
      (width - fixedWidth(content) - LANDSCAPE_NAMES_WIDTH) / Math.max(1, days),
    ),
  );
  // Narrower columns drop the word "Day", then the date (the header gives the dates).
  // A no-break space keeps "Day 1" on one line.
  const dayHeader = (date: string, i: number) => {
    const dayMonth = `${date.slice(8, 10)}.${date.slice(5, 7)}`;
    if (dayWidth >= MAX_DAY_WIDTH) return `${t.day(i + 1).replace(' ', '\u00A0')}\n${dayMonth}`;
    return dayWidth >= DATED_DAY_WIDTH ? `${i + 1}\n${dayMonth}` : String(i + 1);
  };
  const rest = width - fixedWidth(content) - dayWidth * days;
  const scores: Column[] = content.knowledge
    ? [t.knowledge.pre, t.knowledge.post, t.knowledge.gain].map((header) => ({
        header,
        width: SCORE_WIDTH,
        align: 'right',
      }))
    : [];
  return [
    { header: t.number, width: FIXED.number, align: 'right' },
    { header: t.name, width: rest * 0.55 },
    { header: t.organization, width: rest * 0.45 },
    { header: t.category, width: FIXED.category },
    ...content.days.map(
      (date, i): Column => ({ header: dayHeader(date, i), width: dayWidth, align: 'center' }),
    ),
    { header: t.attendedDays, width: FIXED.attended, align: 'center' },
    { header: t.completed, width: FIXED.completed, align: 'center' },
    ...scores,
  ];
}

function traineeRows(content: AttendanceReportContent): { cells: string[] }[] {
  const texts = textsFor(content.language);
  return content.rows.map((row, i) => ({
    cells: [
      String(i + 1),
      row.name,
      row.organization ?? '',
      row.category ? categoryName(content.language, row.category) : '',
      ...content.days.map((_, day) => {
        const mark = row.marks[day];
        return mark ? texts.mark[mark].short : NOT_MARKED;
      }),
      String(row.attendedDays),
      row.completed ? texts.yes : texts.no,
      ...(content.knowledge
        ? [
            score(content.language, row.pre),
            score(content.language, row.post),
            score(content.language, row.gain, true),
          ]
        : []),
    ],
  }));
}
