import type { ParticipantListContent } from './document-content';
import { pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  Column,
  contentWidth,
  drawTable,
  heightOf,
  keepTogether,
  MUTED,
  newEditionPdf,
  numberPages,
  paragraph,
  regular,
} from './layout';
import { PARTICIPANT_LIST_TEXTS } from './participant-list.texts';

/**
 * The official list of participants: one table per delegation (countries, then
 * organizations), each person's name in the list's script, position and organization.
 * The organizers' internal list adds the status and whether the person agreed to be listed.
 */
export async function renderParticipantList(
  content: ParticipantListContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { language, edition, internal } = content;
  const texts = PARTICIPANT_LIST_TEXTS[language];
  const doc = newEditionPdf(
    language,
    edition,
    internal ? texts.internalTitle : texts.title,
    options,
  );
  const width = contentWidth(doc);
  const columns: Column[] = internal
    ? [
        { header: texts.number, width: 26, align: 'right' },
        { header: texts.name, width: 120 },
        { header: texts.position, width: 90 },
        { header: texts.organization, width: width - 376 },
        { header: texts.status, width: 80 },
        { header: texts.listed, width: 60 },
      ]
    : [
        { header: texts.number, width: 26, align: 'right' },
        { header: texts.name, width: 160 },
        { header: texts.position, width: 140 },
        { header: texts.organization, width: width - 326 },
      ];

  const groups = content.groups.filter((group) => group.rows.length);
  if (!groups.length) paragraph(doc, texts.none, regular(11, MUTED));
  let number = 0;
  for (const group of groups) {
    const headingStyle = bold(12, ACCENT);
    // The heading stays with the table's header and first row (drawTable keeps those together).
    keepTogether(doc, heightOf(doc, group.delegation, headingStyle, width) + 60);
    paragraph(doc, group.delegation, headingStyle, 0, 4);
    drawTable(
      doc,
      columns,
      group.rows.map((row) => ({
        cells: [
          String(++number),
          row.name,
          row.position ?? '',
          row.organization ?? '',
          ...(internal
            ? [row.status ? texts.statuses[row.status] : '', row.listed ? texts.yes : texts.no]
            : []),
        ],
      })),
    );
    doc.y += 12;
  }

  numberPages(doc, language);
  return pdfToBuffer(doc);
}
